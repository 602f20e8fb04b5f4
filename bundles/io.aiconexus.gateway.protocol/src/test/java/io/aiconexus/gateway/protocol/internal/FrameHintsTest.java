package io.aiconexus.gateway.protocol.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.aiconexus.gateway.protocol.EnvelopeCodec;
import io.aiconexus.gateway.protocol.EnvelopeCodec.FrameHints;
import io.aiconexus.gateway.protocol.JsonLimits;

/** What can be read of a frame that failed, to address the ERROR about it. */
class FrameHintsTest {
    private final EnvelopeCodec codec = new JacksonEnvelopeCodec(JsonLimits.DEFAULT);

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "{\"id\":\"m-1\",\"from\":\"did:key:z6Mk\",\"type\":\"NOPE\"}|m-1|did:key:z6Mk",
        "{\"id\":\"m-1\",\"from\":\"did:key:z6Mk\",\"payload\":{\"sdp\":|m-1|did:key:z6Mk",
        "{\"payload\":{\"id\":\"inner\",\"from\":\"inner\"},\"id\":\"m-2\"|m-2|-",
        "{\"id\":\"m-3\",\"id\":\"m-4\",\"from\":\"f\"}|m-3|f",
        "{\"id\":7,\"from\":[\"did\"]}|-|-",
        "{\"id\":\"\",\"from\":\"\"}|-|-",
        "{\"id\":\"m-5\" \"from\":\"f\"}|m-5|-",
        "[\"id\",\"m-6\"]|-|-",
        "not json|-|-",
        "|-|-",
    })
    void readsWhatPrecedesTheFault(String text, String id, String from) {
        assertEquals(new FrameHints(id, from), codec.hints(text));
    }

    @Test
    void nullAndOversizedValuesGiveNothing() {
        assertEquals(new FrameHints(null, null), codec.hints(null));
        String longId = "i".repeat(129);
        assertEquals(new FrameHints(null, "f"), codec.hints("{\"id\":\"" + longId + "\",\"from\":\"f\"}"));
    }

    @Test
    void oversizedFramesAreReadOnlyUpToTheLimit() {
        String text = "{\"id\":\"big\",\"payload\":{\"blob\":\"" + "x".repeat(3 << 20) + "\"},\"from\":\"late\"}";
        assertEquals(new FrameHints("big", null), codec.hints(text));
    }

    @Test
    void neverThrowsAndStaysQuick() {
        Random random = new Random(42);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 0; i < 500; i++) {
                byte[] bytes = new byte[random.nextInt(200)];
                random.nextBytes(bytes);
                codec.hints("{\"id\":\"g\"," + new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
            assertEquals(new FrameHints("d", null), codec.hints("{\"id\":\"d\",\"x\":" + "[".repeat(1_000_000)));
        });
    }
}
