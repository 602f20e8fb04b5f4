package io.aiconexus.gateway.discovery.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.discovery.AgentStats;
import io.aiconexus.gateway.protocol.payload.Capability;
import io.aiconexus.gateway.registry.RegisteredAgent;

/** How an agent appears in {@code /agents}, agent cards and discovery answers: the seed's fields first, then what this gateway adds. */
final class AgentJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AgentJson() {
    }

    static ObjectNode of(RegisteredAgent agent, AgentStats stats) {
        ObjectNode node = JSON.objectNode();
        node.put("did", agent.did());
        node.put("connected_at", agent.connectedAt().toString());
        node.put("last_activity", agent.lastActivity().toString());
        node.put("remote_address", agent.connection().remoteAddress());
        node.put("did_encoding", agent.key().encoding().name().toLowerCase());
        ArrayNode capabilities = node.putArray("capabilities");
        agent.capabilities().forEach(capability -> capabilities.add(of(capability)));
        node.set("metadata", agent.metadata());
        node.put("frames_in", agent.framesIn());
        node.put("frames_out", agent.framesOut());
        node.put("queued_frames", agent.connection().queuedFrames());
        node.set("stats", of(stats));
        return node;
    }

    static ObjectNode of(AgentStats stats) {
        ObjectNode node = JSON.objectNode();
        node.put("requests", stats.requests());
        node.put("successes", stats.successes());
        node.put("failures", stats.failures());
        node.put("timeouts", stats.timeouts());
        node.put("in_flight", stats.inFlight());
        node.put("latency_p50_ms", stats.p50Millis());
        node.put("latency_p95_ms", stats.p95Millis());
        node.put("latency_p99_ms", stats.p99Millis());
        return node;
    }

    static ObjectNode of(Capability capability) {
        ObjectNode node = JSON.objectNode();
        node.put("name", capability.name());
        putIfPresent(node, "description", capability.description());
        putIfPresent(node, "version", capability.version());
        if (capability.inputSchema() != null) {
            node.set("input_schema", capability.inputSchema());
        }
        if (capability.outputSchema() != null) {
            node.set("output_schema", capability.outputSchema());
        }
        if (capability.price() != null) {
            node.set("price", capability.price());
        }
        if (!capability.tags().isEmpty()) {
            ArrayNode tags = node.putArray("tags");
            capability.tags().forEach(tags::add);
        }
        return node;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
