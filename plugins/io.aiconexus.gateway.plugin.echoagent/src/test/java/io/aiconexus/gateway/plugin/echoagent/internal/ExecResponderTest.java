package io.aiconexus.gateway.plugin.echoagent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.MessageType;

class ExecResponderTest {
    private final ExecResponder responder = new ExecResponder(
            new EchoCapabilities(Clock.fixed(Instant.parse("2026-01-12T10:00:00Z"), ZoneOffset.UTC)));

    @Test
    void theCapabilityComesFromThePayloadAsCapabilityRoutingNamesIt() {
        ObjectNode payload = JsonNodeFactory.instance.objectNode().put("capability", "echo");
        payload.putObject("args").put("message", "hi");
        ObjectNode response = responder.respond(request(payload));
        assertEquals("success", response.get("status").asText());
        assertEquals("{\"message\":\"hi\"}", response.get("result").toString());
        assertTrue(response.get("execution_time_ms").isDouble());
        assertTrue(response.get("execution_time_ms").asDouble() >= 0);
    }

    @Test
    void orFromTheArgumentsOfASeedStyleRequest() {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.putObject("args").put("capability", "time");
        ObjectNode response = responder.respond(request(payload));
        assertEquals("success", response.get("status").asText());
        assertEquals("2026-01-12T10:00:00Z", response.at("/result/time").asText());
    }

    @Test
    void payloadCapabilityWinsOverArgsAndNoArgsMeansAnEmptyObject() {
        ObjectNode payload = JsonNodeFactory.instance.objectNode().put("capability", "echo");
        ObjectNode response = responder.respond(request(payload));
        assertEquals("{}", response.get("result").toString());

        ObjectNode both = JsonNodeFactory.instance.objectNode().put("capability", "echo");
        both.putObject("args").put("capability", "time");
        assertEquals("{\"capability\":\"time\"}", responder.respond(request(both)).get("result").toString());
    }

    @Test
    void aRequestNamingNoCapabilityGetsAnErrorResponse() {
        ObjectNode response = responder.respond(request(JsonNodeFactory.instance.objectNode()));
        assertEquals("error", response.get("status").asText());
    }

    @Test
    void aWildcardListenAddressIsReachedThroughLoopback() {
        assertEquals(URI.create("ws://127.0.0.1:8000/ws"), GatewayLink.reachable(URI.create("ws://0.0.0.0:8000/ws")));
        assertEquals(URI.create("ws://10.1.2.3:8000/ws"), GatewayLink.reachable(URI.create("ws://10.1.2.3:8000/ws")));
    }

    private static Envelope request(ObjectNode payload) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.set("payload", payload);
        return new Envelope(tree, tree.toString(), "req-1", null, Instant.now(), "did:key:zClient", "did:key:zEcho",
                MessageType.EXEC_REQUEST, "sig");
    }
}
