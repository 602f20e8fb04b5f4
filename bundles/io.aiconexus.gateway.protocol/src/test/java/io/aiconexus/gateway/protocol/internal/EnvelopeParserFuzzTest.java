package io.aiconexus.gateway.protocol.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.EnvelopeCodec;
import io.aiconexus.gateway.protocol.EnvelopeCodec.FrameHints;
import io.aiconexus.gateway.protocol.ErrorCode;
import io.aiconexus.gateway.protocol.JsonLimits;
import io.aiconexus.gateway.protocol.ProtocolException;
import io.aiconexus.gateway.protocol.payload.ErrorPayload;
import io.aiconexus.gateway.protocol.payload.ExecRequestPayload;
import io.aiconexus.gateway.protocol.payload.ExecResponsePayload;
import io.aiconexus.gateway.protocol.payload.IceCandidatePayload;
import io.aiconexus.gateway.protocol.payload.IntentPayload;
import io.aiconexus.gateway.protocol.payload.PingPayload;
import io.aiconexus.gateway.protocol.payload.PongPayload;
import io.aiconexus.gateway.protocol.payload.RegisterPayload;
import io.aiconexus.gateway.protocol.payload.SdpPayload;
import io.aiconexus.gateway.protocol.payload.UnregisterPayload;

/**
 * Coverage-guided fuzzing of what an agent controls first: the text of a frame. Whatever arrives,
 * {@link EnvelopeCodec#parse} answers with a frame or a {@link ProtocolException} carrying a code
 * an agent can act on (never an {@code INTERNAL_ERROR}, never a runtime exception), and
 * {@link EnvelopeCodec#hints} never throws.
 *
 * <p>Without {@code JAZZER_FUZZ} this runs as a regression test over the committed inputs in
 * {@code src/test/resources/.../EnvelopeParserFuzzTestInputs/}; docs/FAULTS.md says how to fuzz.
 * The input bytes are decoded as UTF-8, as the transport hands frames over: invalid UTF-8 never
 * reaches the codec (Jetty closes with 1007), so a replacement character stands in for it here.
 */
class EnvelopeParserFuzzTest {
    private static final Set<ErrorCode> ANSWERS = Set.of(ErrorCode.MALFORMED_MESSAGE, ErrorCode.PAYLOAD_TOO_LARGE,
            ErrorCode.UNSUPPORTED_VERSION);

    // A small frame limit lets the fuzzer reach PAYLOAD_TOO_LARGE and the string limits with small inputs.
    private final EnvelopeCodec codec = new JacksonEnvelopeCodec(new JsonLimits(4096, 64, 2048, 64));

    @FuzzTest(maxDuration = "30s")
    void everyFrameIsAnsweredWithAProtocolCode(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        FrameHints hints = codec.hints(text);
        assertNotNull(hints);
        if (hints.id() != null) {
            assertTrue(hints.id().length() >= 1 && hints.id().length() <= 128, "hints.id is a usable correlation_id");
        }
        Envelope envelope;
        try {
            envelope = codec.parse(text);
        } catch (ProtocolException refused) {
            assertTrue(ANSWERS.contains(refused.code()), () -> "unexpected code " + refused.code());
            if (refused.code() == ErrorCode.MALFORMED_MESSAGE) {
                assertTrue(refused.details().get("field") instanceof String,
                        () -> "MALFORMED_MESSAGE names the field: " + refused.details());
            }
            return;
        }
        acceptedFrameIsWhole(text, envelope, hints);
    }

    /** The first finding of the fuzzer, spelled out: the path of a member with an empty name. */
    @Test
    void aLimitHitUnderAMemberWithAnEmptyNameIsMalformedNamingThatMember() {
        EnvelopeCodec defaults = new JacksonEnvelopeCodec(JsonLimits.DEFAULT);
        String number = "1".repeat(JsonLimits.DEFAULT.maxNumberLength() + 1);

        Frames.malformed("payload.", () -> defaults.parse(Frames.frame("INTENT", "{\"\":" + number + "}")));
        Frames.malformed("", () -> defaults.parse("{\"\":" + number + "}"));
        Frames.malformed("payload.[x][0]", () -> defaults.parse(Frames.frame("INTENT", "{\"[x]\":[" + number + "]}")));
    }

    /** What the router relies on once a frame parsed: every required field, and its typed payload. */
    private void acceptedFrameIsWhole(String text, Envelope envelope, FrameHints hints) {
        assertEquals(text, envelope.text(), "the frame is delivered as received");
        assertTrue(envelope.id().length() >= 1 && envelope.id().length() <= 128);
        assertEquals(envelope.id(), hints.id(), "hints read the id of a frame that parsed");
        assertNotNull(envelope.from());
        assertNotNull(envelope.to());
        assertNotNull(envelope.timestamp());
        assertNotNull(envelope.signature());
        assertTrue(envelope.tree().get("payload").isObject());
        Class<?> payloadType = switch (envelope.type()) {
            case REGISTER -> RegisterPayload.class;
            case UNREGISTER -> UnregisterPayload.class;
            case OFFER, ANSWER -> SdpPayload.class;
            case ICE_CANDIDATE -> IceCandidatePayload.class;
            case INTENT -> IntentPayload.class;
            case EXEC_REQUEST -> ExecRequestPayload.class;
            case EXEC_RESPONSE -> ExecResponsePayload.class;
            case ERROR -> ErrorPayload.class;
            case PING -> PingPayload.class;
            case PONG -> PongPayload.class;
        };
        try {
            assertNotNull(codec.payload(envelope, payloadType));
        } catch (ProtocolException e) {
            fail("a frame that parsed has a readable " + payloadType.getSimpleName() + ": " + e.getMessage());
        }
    }
}
