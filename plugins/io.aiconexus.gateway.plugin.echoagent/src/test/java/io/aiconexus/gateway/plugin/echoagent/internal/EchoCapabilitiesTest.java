package io.aiconexus.gateway.plugin.echoagent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

class EchoCapabilitiesTest {
    private static final Instant NOW = Instant.parse("2026-01-12T10:00:00.250Z");
    private final EchoCapabilities capabilities = new EchoCapabilities(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void echoReturnsTheArgumentsUnchanged() {
        ObjectNode args = JsonNodeFactory.instance.objectNode().put("message", "héllo").put("n", 1.50);
        args.putArray("list").add(1).add("two");
        EchoCapabilities.Outcome outcome = capabilities.execute("echo", args);
        assertEquals("success", outcome.status());
        assertSame(args, outcome.result());
    }

    @Test
    void timeIsUtcByDefault() {
        EchoCapabilities.Outcome outcome = capabilities.execute("time", JsonNodeFactory.instance.objectNode());
        assertEquals("success", outcome.status());
        assertEquals("2026-01-12T10:00:00.25Z", outcome.result().get("time").asText());
        assertEquals("Z", outcome.result().get("zone").asText());
        assertEquals(NOW.toEpochMilli(), outcome.result().get("epoch_ms").asLong());
    }

    @Test
    void timeInANamedZone() {
        ObjectNode args = JsonNodeFactory.instance.objectNode().put("zone", "Europe/Paris");
        EchoCapabilities.Outcome outcome = capabilities.execute("time", args);
        assertEquals("2026-01-12T11:00:00.25+01:00", outcome.result().get("time").asText());
        assertEquals("Europe/Paris", outcome.result().get("zone").asText());
    }

    @Test
    void anUnknownZoneOrCapabilityIsAnErrorOutcomeSayingWhy() {
        EchoCapabilities.Outcome zone = capabilities.execute("time",
                JsonNodeFactory.instance.objectNode().put("zone", "Mars/Olympus"));
        assertEquals("error", zone.status());
        assertTrue(zone.result().get("error").asText().contains("Mars/Olympus"));

        EchoCapabilities.Outcome unknown = capabilities.execute("translate", JsonNodeFactory.instance.objectNode());
        assertEquals("error", unknown.status());
        assertEquals("unknown capability 'translate'", unknown.result().get("error").asText());
        assertEquals("[\"echo\",\"time\"]", unknown.result().get("capabilities").toString());

        assertEquals("error", capabilities.execute(null, JsonNodeFactory.instance.objectNode()).status());
    }
}
