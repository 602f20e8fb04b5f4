package io.aiconexus.gateway.plugin.ratelimit.internal;

import java.util.function.LongSupplier;

/**
 * The buckets of one configuration: per agent and per host, either absent when its rate is 0.
 * A new configuration starts new buckets.
 */
record Limits(BucketTable agents, BucketTable hosts) {

    static Limits of(double agentRate, int agentBurst, double hostRate, int hostBurst, int maxKeys,
            LongSupplier nanoClock) {
        int keys = Math.max(1, maxKeys);
        return new Limits(agentRate > 0 ? new BucketTable(agentRate, Math.max(1, agentBurst), keys, nanoClock) : null,
                hostRate > 0 ? new BucketTable(hostRate, Math.max(1, hostBurst), keys, nanoClock) : null);
    }

    void forgetIdle() {
        if (agents != null) {
            agents.forgetIdle();
        }
        if (hosts != null) {
            hosts.forgetIdle();
        }
    }

    String describe() {
        return "per agent " + describe(agents) + ", per host " + describe(hosts);
    }

    static String describe(BucketTable table) {
        return table == null ? "off" : format(table.ratePerSecond()) + " frames/s (bursts of " + table.burst() + ")";
    }

    private static String format(double rate) {
        return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate);
    }
}
