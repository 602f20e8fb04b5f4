package io.aiconexus.gateway.protocol.internal;

import static io.aiconexus.gateway.protocol.internal.Frames.malformed;
import static io.aiconexus.gateway.protocol.internal.Frames.offer;
import static io.aiconexus.gateway.protocol.internal.Frames.offerWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.aiconexus.gateway.protocol.CanonicalForm;
import io.aiconexus.gateway.protocol.Canonicalizer;
import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.EnvelopeCodec;
import io.aiconexus.gateway.protocol.ErrorCode;
import io.aiconexus.gateway.protocol.JsonLimits;
import io.aiconexus.gateway.protocol.MessageType;

/** The envelope schema of PROTOCOL.md section 2 as a client sees it. */
class EnvelopeParsingTest {
    private final EnvelopeCodec codec = new JacksonEnvelopeCodec(JsonLimits.DEFAULT);
    private final Canonicalizer canonicalizer = new JsonCanonicalizer();

    @Test
    void readsTheHeader() throws Exception {
        String text = offer();
        Envelope envelope = codec.parse(text);
        assertEquals("m-1", envelope.id());
        assertNull(envelope.correlationId());
        assertEquals(Instant.parse("2026-01-12T10:00:00Z"), envelope.timestamp());
        assertEquals("did:key:z6MkAlice", envelope.from());
        assertEquals("did:key:z6MkBob", envelope.to());
        assertEquals(MessageType.OFFER, envelope.type());
        assertEquals("c2lnbmF0dXJl", envelope.signature());
        assertEquals("v=0", envelope.payload().get("sdp").textValue());
        assertSame(text, envelope.text(), "the frame is kept as received, for relaying");
    }

    @ParameterizedTest
    @CsvSource({
        "2026-01-12T10:00:00, 2026-01-12T10:00:00Z",
        "2026-01-12T10:00:00.123456, 2026-01-12T10:00:00.123456Z",
        "2026-01-12T10:00:00.123456Z, 2026-01-12T10:00:00.123456Z",
        "2026-01-12T10:00:00Z, 2026-01-12T10:00:00Z",
        "2026-01-12T10:00Z, 2026-01-12T10:00:00Z",
        "2026-01-12T12:00:00+02:00, 2026-01-12T10:00:00Z",
        "2026-01-12T05:30:00.5-04:30, 2026-01-12T10:00:00.5Z",
        "2026-01-12T10:00:00.123456789+00:00, 2026-01-12T10:00:00.123456789Z",
        "2026-01-12 10:00:00.250000, 2026-01-12T10:00:00.25Z",
        "2026-01-12t10:00:00z, 2026-01-12T10:00:00Z",
        "2026-01-12T11:00:00+01:00[Europe/Paris], 2026-01-12T10:00:00Z",
        "2026-01-12T15:30:00.000001+05:30, 2026-01-12T10:00:00.000001Z",
        "0001-01-01T00:00:00, 0001-01-01T00:00:00Z",
    })
    void timestampsWithoutZoneAreUtc(String timestamp, String instant) throws Exception {
        assertEquals(Instant.parse(instant), codec.parse(offerWith("timestamp", "\"" + timestamp + "\"")).timestamp());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026-01-12", "10:00:00", "12/01/2026 10:00", "2026-01-12T25:00:00",
        "2026-02-30T10:00:00", "2026-01-12T10:00:00+25:00", "2026-01-12T10:00:00 UTC", "1736676000",
        "2026-01-12T10:00:00.1234567891Z", "2026-01-12T10:00:00+05:3x",
        "2026-01-12T10:00:00.0000000000000000000000000000000000000000000000000000000000000000000001Z"})
    void otherTimestampsAreMalformed(String timestamp) {
        malformed("timestamp", () -> codec.parse(offerWith("timestamp", "\"" + timestamp + "\"")));
    }

    @Test
    void unknownFieldsAreKeptAndSigned() throws Exception {
        String text = offerWith("x-trace", "{\"hop\":1,\"via\":[\"a\"]}")
                .replace("\"sdp\":\"v=0\"", "\"sdp\":\"v=0\",\"x-codec\":\"opus\"");
        Envelope envelope = codec.parse(text);
        assertEquals(1, envelope.tree().get("x-trace").get("hop").intValue());
        assertEquals("opus", envelope.payload().get("x-codec").textValue());
        for (CanonicalForm form : CanonicalForm.values()) {
            String signed = TestData.utf8(canonicalizer.signingInput(envelope.tree(), form));
            assertTrue(signed.contains("\"x-trace\":{\"hop\":1,\"via\":[\"a\"]}"), signed);
            assertTrue(signed.contains("\"x-codec\":\"opus\""), signed);
            assertFalse(signed.contains("signature"), signed);
        }
    }

    @Test
    void absentVersionAndCorrelationIdStayAbsent() throws Exception {
        String text = offerWith("version", null);
        Envelope envelope = codec.parse(text);
        assertFalse(envelope.tree().has("version"));
        assertFalse(envelope.tree().has("correlation_id"));
        assertNull(envelope.correlationId());
        assertFalse(TestData.utf8(canonicalizer.signingInput(envelope.tree(), CanonicalForm.JCS)).contains("version"));
        assertEquals(text, envelope.text());
    }

    @Test
    void correlationIdMayBeNull() throws Exception {
        Envelope envelope = codec.parse(offerWith("correlation_id", "null"));
        assertNull(envelope.correlationId());
        assertTrue(envelope.tree().get("correlation_id").isNull(), "a JSON null stays in the tree, as signed");
        assertEquals("m-0", codec.parse(offerWith("correlation_id", "\"m-0\"")).correlationId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.0", "0.9", "10.0", "3.1"})
    void otherMajorVersionsAreUnsupported(String version) {
        Frames.rejects(ErrorCode.UNSUPPORTED_VERSION, "version", () -> codec.parse(offerWith("version", "\"" + version + "\"")));
    }

    @Test
    void unsupportedVersionWinsOverOtherFaults() {
        String text = "{\"version\":\"2.0\",\"shape\":\"of the future\"}";
        Frames.rejects(ErrorCode.UNSUPPORTED_VERSION, "version", () -> codec.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1.1", "1.25", "01.0"})
    void minorVersionsOfOneAreAccepted(String version) throws Exception {
        codec.parse(offerWith("version", "\"" + version + "\""));
    }

    @Test
    void everyMessageTypeParses() throws Exception {
        String[][] frames = {
            {"REGISTER", "{}"}, {"UNREGISTER", "{}"}, {"OFFER", "{\"sdp\":\"v=0\"}"}, {"ANSWER", "{\"sdp\":\"v=0\"}"},
            {"ICE_CANDIDATE", "{\"candidate\":\"candidate:1 1 UDP\"}"}, {"INTENT", "{}"}, {"EXEC_REQUEST", "{}"},
            {"EXEC_RESPONSE", "{}"}, {"ERROR", "{\"code\":\"TIMEOUT\",\"message\":\"late\"}"}, {"PING", "{}"},
            {"PONG", "{}"},
        };
        for (String[] frame : frames) {
            assertEquals(MessageType.valueOf(frame[0]), codec.parse(Frames.frame(frame[0], frame[1])).type());
        }
        assertEquals(MessageType.values().length, frames.length);
    }
}
