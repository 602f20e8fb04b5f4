package io.aiconexus.gateway.router.internal;

import java.util.Map;

import io.aiconexus.gateway.router.RoutingPolicy;

/** A routing policy with its name and ranking. */
record PolicyEntry(RoutingPolicy policy, String name, int ranking) {

    static PolicyEntry of(RoutingPolicy policy, Map<String, Object> properties) {
        Object name = properties.getOrDefault(RoutingPolicy.NAME, policy.getClass().getName());
        return new PolicyEntry(policy, String.valueOf(name), RankedServices.ranking(properties));
    }

    String describe() {
        return name + " (ranking " + ranking + ")";
    }
}
