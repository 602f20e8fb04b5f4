package io.aiconexus.gateway.protocol.internal;

import static io.aiconexus.gateway.protocol.internal.Frames.malformed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;

import io.aiconexus.gateway.protocol.CanonicalForm;
import io.aiconexus.gateway.protocol.Canonicalizer;
import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.JsonLimits;
import io.aiconexus.gateway.protocol.MessageType;

/** Envelopes the gateway builds, signs and sends. */
class EnvelopeBuildingTest {
    private static final Instant NOW = Instant.parse("2026-01-12T10:00:00.123456789Z");
    private final JacksonEnvelopeCodec codec =
            new JacksonEnvelopeCodec(JsonLimits.DEFAULT, Clock.fixed(NOW, ZoneOffset.UTC));
    private final Canonicalizer canonicalizer = new JsonCanonicalizer();

    @Test
    void newEnvelopeHasTheSeedFieldOrder() {
        ObjectNode payload = codec.objectNode().put("sequence", 3);
        ObjectNode tree = codec.newEnvelope(MessageType.PONG, "did:key:gw", "did:key:agent", "m-1", payload);
        List<String> names = new ArrayList<>();
        tree.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("id", "correlation_id", "timestamp", "from", "to", "type", "payload", "version"), names);
        assertTrue(tree.get("id").textValue().matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
        assertEquals("2026-01-12T10:00:00.123456Z", tree.get("timestamp").textValue());
        assertEquals("PONG", tree.get("type").textValue());
        assertEquals("1.0", tree.get("version").textValue());
        assertEquals(3, tree.get("payload").get("sequence").intValue());
    }

    @Test
    void correlationIdOnlyWhenGiven() {
        ObjectNode tree = codec.newEnvelope(MessageType.PING, "a", "b", null, null);
        assertFalse(tree.has("correlation_id"));
        assertEquals(0, tree.get("payload").size());
        assertNotEquals(tree.get("id"), codec.newEnvelope(MessageType.PING, "a", "b", null, null).get("id"));
    }

    @Test
    void wrapValidatesAndKeepsTheWrittenText() throws Exception {
        ObjectNode tree = codec.newEnvelope(MessageType.OFFER, "a", "b", null, codec.objectNode().put("sdp", "v=0"));
        malformed("signature", () -> codec.wrap(tree));
        tree.put("signature", "c2ln");
        Envelope envelope = codec.wrap(tree);
        assertEquals(codec.write(tree), envelope.text());
        assertEquals(NOW.truncatedTo(java.time.temporal.ChronoUnit.MICROS), envelope.timestamp());
        assertEquals("b", envelope.to());
        tree.remove("payload");
        malformed("payload", () -> codec.wrap(tree));
    }

    @Test
    void anErrorToAnUnknownSenderHasANullTo() throws Exception {
        ObjectNode payload = codec.objectNode().put("code", "MALFORMED_MESSAGE").put("message", "bad JSON");
        ObjectNode error = codec.newEnvelope(MessageType.ERROR, "did:key:gw", null, null, payload).put("signature", "s");
        assertTrue(error.get("to").isNull());
        Envelope envelope = codec.wrap(error);
        assertNull(envelope.to());
        assertTrue(envelope.text().contains("\"to\":null"));
        ObjectNode pong = codec.newEnvelope(MessageType.PONG, "did:key:gw", null, null, null).put("signature", "s");
        malformed("to", () -> codec.wrap(pong));
        malformed("to", () -> codec.parse(codec.write(error)));
    }

    @Test
    void writtenEnvelopesParseBackToTheSameSigningInput() throws Exception {
        ObjectNode payload = codec.objectNode().put("status", "ok").put("execution_time_ms", 12.5).put("n", 1L << 60)
                .put("text", "\u00e9\u20ac\ud83d\ude00\u0001");
        payload.putArray("list").add(1e-7).add(new java.math.BigDecimal("1234.0")).add(-0.0);
        ObjectNode tree = codec.newEnvelope(MessageType.EXEC_RESPONSE, "a", "b", "c", payload).put("signature", "s");
        Envelope parsed = codec.parse(codec.write(tree));
        for (CanonicalForm form : CanonicalForm.values()) {
            assertArrayEquals(canonicalizer.signingInput(tree, form), canonicalizer.signingInput(parsed.tree(), form),
                    form.name());
        }
    }

    @Test
    void writeIsCompact() {
        ObjectNode tree = codec.objectNode().put("a", 1);
        tree.putObject("b").putArray("c").add("d");
        assertEquals("{\"a\":1,\"b\":{\"c\":[\"d\"]}}", codec.write(tree));
        tree.set("p", new POJONode(new Object()));
        assertThrows(IllegalArgumentException.class, () -> codec.write(tree));
    }

    @Test
    void objectNodesKeepDecimalsExact() {
        ObjectNode node = codec.objectNode().put("d", new java.math.BigDecimal("1234.0"));
        assertEquals("{\"d\":1234.0}", TestData.utf8(canonicalizer.canonicalize(node, CanonicalForm.PYTHON)));
    }
}
