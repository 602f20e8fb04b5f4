package io.aiconexus.gateway.protocol.internal;

import static io.aiconexus.gateway.protocol.internal.Frames.frame;
import static io.aiconexus.gateway.protocol.internal.Frames.malformed;
import static io.aiconexus.gateway.protocol.internal.Frames.offer;
import static io.aiconexus.gateway.protocol.internal.Frames.offerWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.EnvelopeCodec;
import io.aiconexus.gateway.protocol.ErrorCode;
import io.aiconexus.gateway.protocol.JsonLimits;
import io.aiconexus.gateway.protocol.ProtocolException;

/** Frames meant to hurt: every one is answered with an error code and a field, never an exception. */
class HostileFrameTest {
    private final EnvelopeCodec codec = new JacksonEnvelopeCodec(JsonLimits.DEFAULT);

    @Test
    void everyTruncationIsMalformed() {
        String frame = offer();
        for (int length = 0; length < frame.length(); length++) {
            String truncated = frame.substring(0, length);
            malformed("$", () -> codec.parse(truncated));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{}]", "1", "\"frame\"", "null", "true", "", "   ", "\n"})
    void topLevelMustBeAnObject(String text) {
        malformed("$", () -> codec.parse(text));
    }

    @Test
    void nullFrameIsMalformed() {
        malformed("$", () -> codec.parse(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "{}", "[]", ",", "}", "\u0000"})
    void dataAfterTheObjectIsMalformed(String trailer) {
        malformed("$", () -> codec.parse(offer() + trailer));
    }

    @Test
    void whitespaceAroundTheObjectIsFine() throws Exception {
        assertEquals("m-1", codec.parse(" \n\t" + offer() + "\r\n ").id());
    }

    @Test
    void binaryGarbageIsMalformed() {
        Random random = new Random(1007);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[1 + random.nextInt(300)];
            random.nextBytes(bytes);
            String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
            String utf8 = new String(bytes, StandardCharsets.UTF_8);
            malformed("$", () -> codec.parse(latin1));
            malformed("$", () -> codec.parse(utf8));
        }
        malformed("$", () -> codec.parse("\u0000\u0001\u0002{"));
        malformed("$", () -> codec.parse("\ufeff" + offer()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"id\":\"a\",\"id\":\"b\"}|id",
        "{\"payload\":{\"sdp\":\"a\",\"sdp\":\"b\"}}|payload.sdp",
        "{\"payload\":{\"m\":{\"a\":1,\"a\":1}}}|payload.m.a",
        "{\"payload\":{\"x\":[],\"x\":{}}}|payload.x",
        "{\"payload\":{\"l\":[{\"k\":1,\"k\":2}]}}|payload.l[0].k",
    })
    void duplicateKeysAreMalformed(String text, String field) {
        malformed(field, () -> codec.parse(text));
    }

    @Test
    void duplicateKeysInAValidFrameAreMalformed() {
        String frame = offer().replace("\"type\":\"OFFER\"", "\"type\":\"OFFER\",\"to\":\"did:key:z6MkMallory\"");
        malformed("to", () -> codec.parse(frame));
    }

    @Test
    void nestingDeeperThan1000LevelsIsMalformed() {
        // the envelope is level 1, the payload level 2, then 999 arrays: 1001 levels
        malformed("$", () -> codec.parse(frame("OFFER", "{\"sdp\":\"v=0\",\"deep\":" + nested(999) + "}")));
    }

    @Test
    void nesting1000LevelsIsFine() throws Exception {
        codec.parse(frame("OFFER", "{\"sdp\":\"v=0\",\"deep\":" + nested(998) + "}"));
    }

    @Test
    void nesting900LevelsInsideThePayloadIsFine() throws Exception {
        Envelope envelope = codec.parse(frame("INTENT", "{\"params\":{\"deep\":" + nested(900) + "}}"));
        assertEquals(900, depth(envelope.payload().get("params").get("deep")));
    }

    @Test
    void absurdNestingIsRefusedQuickly() {
        String text = "{\"payload\":" + "[".repeat(500_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> malformed("$", () -> codec.parse(text)));
    }

    @Test
    void numbersLongerThan1000CharactersAreMalformed() {
        String integer = "1".repeat(2000);
        malformed("payload.n", () -> codec.parse(frame("OFFER", "{\"sdp\":\"v\",\"n\":" + integer + "}")));
        malformed("payload.n", () -> codec.parse(frame("OFFER", "{\"sdp\":\"v\",\"n\":-" + integer + "}")));
        malformed("payload.n", () -> codec.parse(frame("OFFER", "{\"sdp\":\"v\",\"n\":0." + integer + "}")));
        malformed("payload.n", () -> codec.parse(frame("OFFER", "{\"sdp\":\"v\",\"n\":1e" + integer + "}")));
        malformed("payload.l[2]", () -> codec.parse(frame("OFFER", "{\"sdp\":\"v\",\"l\":[1,2," + integer + "]}")));
        // just over the limit, counting sign, point and exponent
        malformed("payload.n", () -> codec.parse(frame("OFFER", "{\"sdp\":\"v\",\"n\":-1." + "2".repeat(994) + "e+10}")));
    }

    @Test
    void numbersOf1000CharactersAreFine() throws Exception {
        codec.parse(frame("OFFER", "{\"sdp\":\"v\",\"n\":" + "9".repeat(1000) + "}"));
        codec.parse(frame("OFFER", "{\"sdp\":\"v\",\"n\":-1." + "2".repeat(993) + "e+10}"));
    }

    @Test
    void hugeExponentsAreCheap() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            codec.parse(frame("OFFER", "{\"sdp\":\"v\",\"n\":1e999999999,\"m\":1e-999999999}"));
            malformed("payload.timeout_ms", () -> codec.parse(frame("EXEC_REQUEST", "{\"timeout_ms\":1e999999999}")));
        });
    }

    @Test
    void framesOverTheLimitAreTooLargeCountedInUtf8Bytes() {
        String euros = "\u20ac".repeat(350_000); // 350,000 chars, 1,050,000 bytes
        String text = frame("OFFER", "{\"sdp\":\"" + euros + "\"}");
        long size = text.getBytes(StandardCharsets.UTF_8).length;
        ProtocolException e = Frames.rejects(ErrorCode.PAYLOAD_TOO_LARGE, null, () -> codec.parse(text));
        assertEquals(Map.of("limit", 1 << 20, "size", size), e.details());
    }

    @Test
    void aFrameOfExactlyTheLimitIsFine() throws Exception {
        String empty = frame("OFFER", "{\"sdp\":\"\"}");
        int room = (1 << 20) - empty.length();
        String text = frame("OFFER", "{\"sdp\":\"" + "a".repeat(room) + "\"}");
        assertEquals(1 << 20, text.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(room, codec.parse(text).payload().get("sdp").textValue().length());
        Frames.rejects(ErrorCode.PAYLOAD_TOO_LARGE, null,
                () -> codec.parse(frame("OFFER", "{\"sdp\":\"" + "a".repeat(room + 1) + "\"}")));
    }

    @Test
    void longStringsAndManyKeysUnderTheLimitAreLegal() throws Exception {
        StringBuilder keys = new StringBuilder("{\"sdp\":\"v\"");
        for (int i = 0; i < 50_000; i++) {
            keys.append(",\"k").append(i).append("\":").append(i);
        }
        Envelope many = codec.parse(frame("OFFER", keys.append('}').toString()));
        assertEquals(50_001, many.payload().size());
        String longKey = "k".repeat(500_000);
        Envelope keyed = codec.parse(frame("OFFER", "{\"sdp\":\"v\",\"" + longKey + "\":1}"));
        assertEquals(1, keyed.payload().get(longKey).intValue());
    }

    @Test
    void configuredStringLimitNamesTheField() {
        EnvelopeCodec strict = new JacksonEnvelopeCodec(new JsonLimits(1 << 20, 1000, 100, 1000));
        malformed("payload.sdp", () -> strict.parse(frame("OFFER", "{\"sdp\":\"" + "a".repeat(101) + "\"}")));
    }

    @Test
    void configuredDepthAndNumberLimitsApply() throws Exception {
        EnvelopeCodec strict = new JacksonEnvelopeCodec(new JsonLimits(1 << 20, 3, 1000, 5));
        strict.parse(frame("OFFER", "{\"sdp\":\"v\",\"a\":[12345]}"));
        malformed("$", () -> strict.parse(frame("OFFER", "{\"sdp\":\"v\",\"a\":[[1]]}")));
        malformed("payload.a[0]", () -> strict.parse(frame("OFFER", "{\"sdp\":\"v\",\"a\":[123456]}")));
        malformed("payload.a[0]", () -> strict.parse(frame("OFFER", "{\"sdp\":\"v\",\"a\":[1.2345]}")));
    }

    @Test
    void nonNumericNumbersAndCommentsAreNotJson() {
        malformed("$", () -> codec.parse(frame("OFFER", "{\"sdp\":\"v\",\"n\":NaN}")));
        malformed("$", () -> codec.parse(frame("OFFER", "{\"sdp\":\"v\",\"n\":Infinity}")));
        malformed("$", () -> codec.parse(frame("OFFER", "{\"sdp\":\"v\",\"n\":01}")));
        malformed("$", () -> codec.parse(frame("OFFER", "{\"sdp\":\"v\" /* c */}")));
        malformed("$", () -> codec.parse(frame("OFFER", "{'sdp':'v'}")));
        malformed("$", () -> codec.parse(frame("OFFER", "{\"sdp\":\"raw\ncontrol\"}")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "id|1", "id|null", "id|\"\"", "id|[]", "id|{}", "id|", "id|true",
        "timestamp|5", "timestamp|\"yesterday\"", "timestamp|\"2026-13-01T00:00:00\"", "timestamp|\"2026-01-12\"",
        "timestamp|null", "timestamp|",
        "from|1", "from|null", "from|", "from|[\"did:key:z6Mk\"]",
        "to|null", "to|", "to|5", "to|{}",
        "type|\"HELLO\"", "type|\"offer\"", "type|1", "type|null", "type|",
        "payload|\"sdp\"", "payload|[]", "payload|null", "payload|", "payload|1",
        "signature|null", "signature|1", "signature|",
        "correlation_id|1", "correlation_id|{}", "correlation_id|false",
        "version|1", "version|\"1\"", "version|\"1.0.0\"", "version|\"v1\"", "version|null", "version|\"1.x\"",
        "version|\".1\"", "version|\"1.\"", "version|\"-1.0\"", "version|\"1234567890.0\"",
    })
    void wrongEnvelopeFieldsAreMalformed(String field, String json) {
        malformed(field, () -> codec.parse(offerWith(field, json)));
    }

    @Test
    void idsAreLimitedTo128Characters() throws Exception {
        codec.parse(offerWith("id", "\"" + "i".repeat(128) + "\""));
        codec.parse(offerWith("id", "\"" + "\ud83d\ude00".repeat(128) + "\"")); // 128 characters, 256 chars
        malformed("id", () -> codec.parse(offerWith("id", "\"" + "i".repeat(129) + "\"")));
    }

    private static String nested(int levels) {
        return "[".repeat(levels) + "]".repeat(levels);
    }

    private static int depth(com.fasterxml.jackson.databind.JsonNode node) {
        int depth = 0;
        for (com.fasterxml.jackson.databind.JsonNode n = node; n != null && n.isArray(); n = n.get(0)) {
            depth++;
        }
        return depth;
    }
}
