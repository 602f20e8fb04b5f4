package io.aiconexus.gateway.monitoring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.aiconexus.gateway.identity.DidKey;
import io.aiconexus.gateway.identity.DidKey.Encoding;
import io.aiconexus.gateway.monitoring.MetricsSnapshot;
import io.aiconexus.gateway.protocol.ErrorCode;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.protocol.payload.Capability;
import io.aiconexus.gateway.registry.internal.InMemoryAgentRegistry;
import io.aiconexus.gateway.registry.internal.RegistryConfig;
import io.aiconexus.gateway.transport.HttpRequest;
import io.aiconexus.gateway.transport.HttpResponse;
import io.aiconexus.gateway.transport.testing.RecordingConnection;

class EndpointsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final InMemoryAgentRegistry registry = new InMemoryAgentRegistry(Configs.of(RegistryConfig.class, Map.of()));

    @AfterEach
    void stop() {
        registry.deactivate();
    }

    @Test
    void healthHasTheSeedsShape() throws Exception {
        register("did:key:z6MkA", 1, "echo");

        HttpResponse response = new HealthEndpoint(registry).handle(get(Map.of()));

        assertEquals(200, response.status());
        assertEquals("application/json", response.contentType());
        JsonNode body = JSON.readTree(response.body());
        assertEquals("healthy", body.get("status").asText());
        assertEquals(1, body.get("connected_agents").asInt());
    }

    @Test
    void countersAddUpByTypeAndCode() {
        AtomicGatewayMetrics metrics = new AtomicGatewayMetrics();
        metrics.frameIn(MessageType.OFFER);
        metrics.frameIn(MessageType.OFFER);
        metrics.frameIn(null);
        metrics.error(ErrorCode.UNKNOWN_AGENT);
        metrics.verificationFailure("stale");
        metrics.routed(1500);
        metrics.routed(500);

        MetricsSnapshot snapshot = metrics.snapshot();

        assertEquals(2L, snapshot.framesIn().get("OFFER"));
        assertEquals(1L, snapshot.framesIn().get("INVALID"));
        assertEquals(1L, snapshot.errors().get("UNKNOWN_AGENT"));
        assertEquals(1L, snapshot.verificationFailures().get("stale"));
        assertEquals(2, snapshot.routed());
        assertEquals(2000, snapshot.routedNanosTotal());
    }

    private void register(String did, int seed, String capability) {
        byte[] key = new byte[32];
        key[0] = (byte) seed;
        registry.register(new RecordingConnection(), new DidKey(did, key, Encoding.STANDARD),
                List.of(new Capability(capability, "does " + capability, null, null, null, null, List.of())),
                JsonNodeFactory.instance.objectNode());
    }

    private static HttpRequest get(Map<String, List<String>> query) {
        return new HttpRequest("GET", "/agents", query, "127.0.0.1:1");
    }
}
