package io.aiconexus.gateway.protocol.internal;

import static io.aiconexus.gateway.protocol.internal.Frames.frame;
import static io.aiconexus.gateway.protocol.internal.Frames.malformed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.EnvelopeCodec;
import io.aiconexus.gateway.protocol.JsonLimits;
import io.aiconexus.gateway.protocol.payload.Capability;
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

/** Per-type payload schemas and the typed payloads read from them. */
class PayloadSchemaTest {
    private final EnvelopeCodec codec = new JacksonEnvelopeCodec(JsonLimits.DEFAULT);

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "REGISTER|{\"public_key\":5}|payload.public_key",
        "REGISTER|{\"capabilities\":{}}|payload.capabilities",
        "REGISTER|{\"capabilities\":[\"search\"]}|payload.capabilities[0]",
        "REGISTER|{\"capabilities\":[{\"name\":\"a\"},{}]}|payload.capabilities[1].name",
        "REGISTER|{\"capabilities\":[{\"name\":7}]}|payload.capabilities[0].name",
        "REGISTER|{\"capabilities\":[{\"name\":\"\"}]}|payload.capabilities[0].name",
        "REGISTER|{\"capabilities\":[{\"name\":\"a\",\"description\":1}]}|payload.capabilities[0].description",
        "REGISTER|{\"capabilities\":[{\"name\":\"a\",\"version\":1.0}]}|payload.capabilities[0].version",
        "REGISTER|{\"capabilities\":[{\"name\":\"a\",\"tags\":\"x\"}]}|payload.capabilities[0].tags",
        "REGISTER|{\"capabilities\":[{\"name\":\"a\",\"tags\":[\"x\",2]}]}|payload.capabilities[0].tags[1]",
        "REGISTER|{\"metadata\":[]}|payload.metadata",
        "OFFER|{}|payload.sdp",
        "OFFER|{\"sdp\":null}|payload.sdp",
        "ANSWER|{\"sdp\":{\"type\":\"answer\"}}|payload.sdp",
        "ICE_CANDIDATE|{}|payload.candidate",
        "ICE_CANDIDATE|{\"candidate\":1}|payload.candidate",
        "ICE_CANDIDATE|{\"candidate\":\"c\",\"sdp_mid\":0}|payload.sdp_mid",
        "ICE_CANDIDATE|{\"candidate\":\"c\",\"sdp_mline_index\":\"0\"}|payload.sdp_mline_index",
        "ICE_CANDIDATE|{\"candidate\":\"c\",\"sdp_mline_index\":0.5}|payload.sdp_mline_index",
        "ICE_CANDIDATE|{\"candidate\":\"c\",\"sdp_mline_index\":-1}|payload.sdp_mline_index",
        "INTENT|{\"query\":[]}|payload.query",
        "INTENT|{\"context\":{}}|payload.context",
        "INTENT|{\"task\":1}|payload.task",
        "INTENT|{\"params\":\"x=1\"}|payload.params",
        "INTENT|{\"capability\":true}|payload.capability",
        "EXEC_REQUEST|{\"args\":[1]}|payload.args",
        "EXEC_REQUEST|{\"timeout_ms\":0}|payload.timeout_ms",
        "EXEC_REQUEST|{\"timeout_ms\":-5}|payload.timeout_ms",
        "EXEC_REQUEST|{\"timeout_ms\":1.5}|payload.timeout_ms",
        "EXEC_REQUEST|{\"timeout_ms\":\"5000\"}|payload.timeout_ms",
        "EXEC_REQUEST|{\"timeout_ms\":99999999999999999999}|payload.timeout_ms",
        "EXEC_REQUEST|{\"stream\":\"yes\"}|payload.stream",
        "EXEC_REQUEST|{\"stream\":1}|payload.stream",
        "EXEC_REQUEST|{\"capability\":[\"a\"]}|payload.capability",
        "EXEC_RESPONSE|{\"status\":200}|payload.status",
        "EXEC_RESPONSE|{\"execution_time_ms\":\"12\"}|payload.execution_time_ms",
        "ERROR|{\"message\":\"m\"}|payload.code",
        "ERROR|{\"code\":\"X\"}|payload.message",
        "ERROR|{\"code\":1,\"message\":\"m\"}|payload.code",
        "ERROR|{\"code\":\"X\",\"message\":\"m\",\"details\":\"d\"}|payload.details",
        "PING|{\"sequence\":\"1\"}|payload.sequence",
        "PONG|{\"sequence\":1.5}|payload.sequence",
    })
    void violationsNameTheField(String type, String payload, String field) {
        malformed(field, () -> codec.parse(frame(type, payload)));
    }

    @Test
    void register() throws Exception {
        Envelope envelope = codec.parse(frame("REGISTER", "{\"public_key\":\"6Mk\",\"capabilities\":[{\"name\":\"search\","
                + "\"description\":\"web search\",\"version\":\"2\",\"input_schema\":{\"type\":\"object\"},"
                + "\"output_schema\":null,\"price\":{\"amount\":0.01},\"tags\":[\"web\"],\"x\":1},{\"name\":\"ocr\"}],"
                + "\"metadata\":{\"model\":\"m\"}}"));
        RegisterPayload register = codec.payload(envelope, RegisterPayload.class);
        assertEquals("6Mk", register.publicKey());
        assertEquals("m", register.metadata().get("model").textValue());
        Capability search = register.capabilities().get(0);
        assertEquals("search", search.name());
        assertEquals("web search", search.description());
        assertEquals("2", search.version());
        assertEquals("object", search.inputSchema().get("type").textValue());
        assertTrue(search.outputSchema().isNull());
        assertEquals("0.01", search.price().get("amount").decimalValue().toPlainString());
        assertEquals(List.of("web"), search.tags());
        assertEquals(new Capability("ocr", null, null, null, null, null, List.of()), register.capabilities().get(1));
    }

    @Test
    void registerWithNothingOrNulls() throws Exception {
        assertEquals(new RegisterPayload(null, List.of(), null),
                codec.payload(codec.parse(frame("REGISTER", "{}")), RegisterPayload.class));
        assertEquals(new RegisterPayload(null, List.of(), null), codec.payload(codec.parse(frame("REGISTER",
                "{\"public_key\":null,\"capabilities\":null,\"metadata\":null}")), RegisterPayload.class));
    }

    @Test
    void offerAndAnswer() throws Exception {
        assertEquals(new SdpPayload("v=0\r\no=-"), codec.payload(codec.parse(frame("ANSWER", "{\"sdp\":\"v=0\\r\\no=-\"}")),
                SdpPayload.class));
        assertEquals(new SdpPayload("v=0"), codec.payload(codec.parse(Frames.offer()), SdpPayload.class));
    }

    @Test
    void iceCandidate() throws Exception {
        assertEquals(new IceCandidatePayload("candidate:1", "0", 0), codec.payload(codec.parse(frame("ICE_CANDIDATE",
                "{\"candidate\":\"candidate:1\",\"sdp_mid\":\"0\",\"sdp_mline_index\":0}")), IceCandidatePayload.class));
        assertEquals(new IceCandidatePayload("c", null, null), codec.payload(codec.parse(frame("ICE_CANDIDATE",
                "{\"candidate\":\"c\",\"sdp_mid\":null,\"sdp_mline_index\":null}")), IceCandidatePayload.class));
    }

    @Test
    void intent() throws Exception {
        IntentPayload intent = codec.payload(codec.parse(frame("INTENT",
                "{\"task\":\"gateway.discover\",\"params\":{\"capability\":\"search\"},\"capability\":\"x\"}")),
                IntentPayload.class);
        assertEquals("gateway.discover", intent.task());
        assertEquals("search", intent.params().get("capability").textValue());
        assertNull(intent.query());
        IntentPayload natural = codec.payload(codec.parse(frame("INTENT", "{\"query\":\"q\",\"context\":\"c\"}")),
                IntentPayload.class);
        assertEquals(new IntentPayload("q", "c", null, null), natural);
    }

    @Test
    void execRequest() throws Exception {
        ExecRequestPayload request = codec.payload(codec.parse(frame("EXEC_REQUEST",
                "{\"capability\":\"ocr\",\"args\":{\"p\":1},\"timeout_ms\":5000,\"stream\":true}")), ExecRequestPayload.class);
        assertEquals("ocr", request.capability());
        assertEquals(1, request.args().get("p").intValue());
        assertEquals(5000L, request.timeoutMs());
        assertTrue(request.stream());
        assertEquals(new ExecRequestPayload(null, null, null, false),
                codec.payload(codec.parse(frame("EXEC_REQUEST", "{}")), ExecRequestPayload.class));
    }

    @Test
    void integerFieldsAcceptIntegralValuesHoweverWritten() throws Exception {
        for (String written : List.of("5000", "5000.0", "5e3", "5.000E+3")) {
            ExecRequestPayload request = codec.payload(codec.parse(frame("EXEC_REQUEST", "{\"timeout_ms\":" + written + "}")),
                    ExecRequestPayload.class);
            assertEquals(5000L, request.timeoutMs(), written);
        }
    }

    @Test
    void execResponse() throws Exception {
        ExecResponsePayload response = codec.payload(codec.parse(frame("EXEC_RESPONSE",
                "{\"status\":\"success\",\"result\":{\"key\":\"value\"},\"execution_time_ms\":1234.5}")),
                ExecResponsePayload.class);
        assertEquals("success", response.status());
        assertEquals("value", response.result().get("key").textValue());
        assertEquals(1234.5, response.executionTimeMs());
        ExecResponsePayload nullResult = codec.payload(codec.parse(frame("EXEC_RESPONSE", "{\"result\":null}")),
                ExecResponsePayload.class);
        assertTrue(nullResult.result().isNull(), "a null result is not no result");
        assertNull(codec.payload(codec.parse(frame("EXEC_RESPONSE", "{}")), ExecResponsePayload.class).result());
    }

    @Test
    void error() throws Exception {
        ErrorPayload error = codec.payload(codec.parse(frame("ERROR",
                "{\"code\":\"MALFORMED_MESSAGE\",\"message\":\"bad\",\"details\":{\"field\":\"payload.sdp\"}}")),
                ErrorPayload.class);
        assertEquals("MALFORMED_MESSAGE", error.code());
        assertEquals("bad", error.message());
        assertEquals("payload.sdp", error.details().get("field").textValue());
    }

    @Test
    void pingPongAndUnregister() throws Exception {
        assertEquals(new PingPayload(7L), codec.payload(codec.parse(frame("PING", "{\"sequence\":7}")), PingPayload.class));
        assertEquals(new PongPayload(null), codec.payload(codec.parse(frame("PONG", "{}")), PongPayload.class));
        assertEquals(new UnregisterPayload(), codec.payload(codec.parse(frame("UNREGISTER", "{\"why\":[1,{}]}")),
                UnregisterPayload.class));
    }

    @Test
    void payloadTypeMustMatchTheFrame() throws Exception {
        Envelope offer = codec.parse(Frames.offer());
        malformed("type", () -> codec.payload(offer, PingPayload.class));
        malformed("type", () -> codec.payload(offer, RegisterPayload.class));
        assertThrows(IllegalArgumentException.class, () -> codec.payload(offer, String.class));
    }

    @Test
    void typedListsAreImmutable() throws Exception {
        RegisterPayload register = codec.payload(codec.parse(frame("REGISTER", "{\"capabilities\":[{\"name\":\"a\"}]}")),
                RegisterPayload.class);
        assertThrows(UnsupportedOperationException.class, () -> register.capabilities().clear());
        assertFalse(register.capabilities().isEmpty());
    }
}
