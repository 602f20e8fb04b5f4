package io.aiconexus.gateway.console.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.protocol.payload.Capability;
import io.aiconexus.gateway.discovery.AgentStats;
import io.aiconexus.gateway.registry.RegisteredAgent;
import io.aiconexus.gateway.verification.VerificationMode;

/**
 * The console's data as JSON, for the page's live refresh and for scripts
 * ({@code GET /system/console/gateway/data.json}; the fields are documented in docs/OPERATIONS.md).
 * A part whose service is not running (router, verifier, counters) is {@code null}.
 */
final class StatusJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private StatusJson() {
    }

    static ObjectNode of(GatewayOperations operations) {
        ObjectNode root = JSON.objectNode();
        ObjectNode gateway = root.putObject("gateway");
        gateway.put("did", operations.gatewayDid().orElse(null));
        gateway.put("address", operations.agentAddress().orElse(null));
        root.put("mode", operations.mode().map(StatusJson::name).orElse(null));
        List<RegisteredAgent> agents = operations.agents();
        ArrayNode list = root.putArray("agents");
        agents.forEach(agent -> list.add(agent(agent, operations.stats(agent.did()))));
        root.put("count", agents.size());
        root.set("totals", operations.totals().map(StatusJson::totals).orElse(null));
        root.set("policies", operations.policies().map(StatusJson::strings).orElse(null));
        root.set("handlers", operations.handlers().map(StatusJson::strings).orElse(null));
        return root;
    }

    static String name(VerificationMode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }

    static ObjectNode agent(RegisteredAgent agent, AgentStats stats) {
        ObjectNode node = JSON.objectNode();
        node.put("did", agent.did());
        node.put("remote_address", agent.connection().remoteAddress());
        node.put("connected_at", agent.connectedAt().toString());
        node.put("last_activity", agent.lastActivity().toString());
        ArrayNode capabilities = node.putArray("capabilities");
        agent.capabilities().stream().map(Capability::name).forEach(capabilities::add);
        node.put("frames_in", agent.framesIn());
        node.put("frames_out", agent.framesOut());
        node.put("queued_frames", agent.connection().queuedFrames());
        ObjectNode requests = node.putObject("requests");
        requests.put("total", stats.requests());
        requests.put("successes", stats.successes());
        requests.put("failures", stats.failures());
        requests.put("timeouts", stats.timeouts());
        requests.put("in_flight", stats.inFlight());
        requests.put("latency_p50_ms", stats.p50Millis());
        requests.put("latency_p99_ms", stats.p99Millis());
        return node;
    }

    static ObjectNode totals(Totals totals) {
        ObjectNode node = JSON.objectNode();
        node.put("since", totals.since().toString());
        node.put("frames_in", totals.framesIn());
        node.put("frames_out", totals.framesOut());
        node.put("frames_in_per_second", round(totals.framesInPerSecond()));
        node.put("frames_out_per_second", round(totals.framesOutPerSecond()));
        node.put("registrations", totals.registrations());
        node.put("routed", totals.routed());
        node.put("mean_routing_micros", round(totals.meanRoutingMicros()));
        node.set("frames_in_by_type", counters(totals.framesInByType()));
        node.set("frames_out_by_type", counters(totals.framesOutByType()));
        node.set("errors", counters(totals.errors()));
        node.set("verification_failures", counters(totals.verificationFailures()));
        return node;
    }

    private static ObjectNode counters(Map<String, Long> counters) {
        ObjectNode node = JSON.objectNode();
        counters.forEach(node::put);
        return node;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = JSON.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    static Optional<VerificationMode> parseMode(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (VerificationMode mode : VerificationMode.values()) {
            if (name(mode).equals(text.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
