package io.aiconexus.gateway.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.testsupport.GatewayTestBase;
import io.aiconexus.gateway.testsupport.TestAgent;
import io.aiconexus.gateway.protocol.MessageType;

/** PROTOCOL.md sections 6 and 8 over real WebSockets: what gets delivered, and what the sender hears. */
class RoutingTest extends GatewayTestBase {

    @ParameterizedTest
    @EnumSource(value = MessageType.class, names = { "OFFER", "ANSWER", "ICE_CANDIDATE", "INTENT", "EXEC_REQUEST",
            "EXEC_RESPONSE", "ERROR", "PING", "PONG" })
    void everyRelayedTypeArrivesUnchangedAndVerifiable(MessageType type) throws Exception {
        try (TestAgent alice = TestAgent.registered(kit()); TestAgent bob = TestAgent.registered(kit())) {
            ObjectNode frame = alice.envelope(type, bob.did(), payloadFor(alice, type));
            frame.remove("version");
            frame.put("x_extension", "kept and signed");
            String sent = alice.sign(frame);
            alice.sendRaw(sent);

            String received = bob.nextText();

            assertEquals(sent, received, "delivered text must be the sent text");
            assertTrue(verifier.verify(codec.parse(received)).valid(), "the sender's signature holds end to end");
        }
    }

    @Test
    void framesBetweenTwoAgentsArriveInTheOrderSent() throws Exception {
        try (TestAgent alice = TestAgent.registered(kit()); TestAgent bob = TestAgent.registered(kit())) {
            int count = 500;
            for (int i = 0; i < count; i++) {
                alice.send(MessageType.ICE_CANDIDATE, bob.did(), alice.payload().put("candidate", "candidate:" + i));
            }
            for (int i = 0; i < count; i++) {
                assertEquals("candidate:" + i, bob.next().at("/payload/candidate").asText());
            }
        }
    }

    @Test
    void aFrameForAnUnknownAgentGetsUnknownAgent() throws Exception {
        try (TestAgent alice = TestAgent.registered(kit())) {
            String nobody = identities.generate().did();
            String id = alice.send(MessageType.OFFER, nobody, alice.payload().put("sdp", "v=0"));

            String text = alice.nextText();
            ObjectNode error = TestAgent.json(text);
            assertEquals("ERROR", error.get("type").asText());
            assertEquals("UNKNOWN_AGENT", error.at("/payload/code").asText());
            assertEquals(id, error.get("correlation_id").asText());
            assertTrue(signedByGateway(text), "every ERROR is signed by the gateway");
        }
    }

    @Test
    void aSpoofedFromIsRefusedAndNotDelivered() throws Exception {
        try (TestAgent mallory = TestAgent.registered(kit()); TestAgent bob = TestAgent.registered(kit());
                TestAgent alice = TestAgent.registered(kit())) {
            ObjectNode forged = mallory.envelope(MessageType.OFFER, bob.did(), mallory.payload().put("sdp", "v=0"));
            forged.put("from", alice.did());
            mallory.sendSigned(forged);

            ObjectNode error = mallory.nextError();
            assertEquals("INVALID_SIGNATURE", error.get("code").asText());
            assertEquals("from_mismatch", error.at("/details/reason").asText());
            assertNull(bob.pollText(Duration.ofMillis(300)), "bob must receive nothing");
            assertFalse(mallory.socket().isClosed(), "the connection stays open");
        }
    }

    @Test
    void aTamperedFrameIsRefusedAndNotDelivered() throws Exception {
        try (TestAgent alice = TestAgent.registered(kit()); TestAgent bob = TestAgent.registered(kit())) {
            String signed = alice.sign(alice.envelope(MessageType.OFFER, bob.did(), alice.payload().put("sdp", "v=0")));
            alice.sendRaw(signed.replace("v=0", "v=9"));

            assertEquals("INVALID_SIGNATURE", alice.nextError().get("code").asText());
            assertNull(bob.pollText(Duration.ofMillis(300)));
        }
    }

    @Test
    void aReplayedFrameIsRefused() throws Exception {
        try (TestAgent alice = TestAgent.registered(kit()); TestAgent bob = TestAgent.registered(kit())) {
            String signed = alice.sign(alice.envelope(MessageType.OFFER, bob.did(), alice.payload().put("sdp", "v=0")));
            alice.sendRaw(signed);
            assertEquals(signed, bob.nextText());
            alice.sendRaw(signed);

            ObjectNode error = alice.nextError();
            assertEquals("replayed", error.at("/details/reason").asText());
            assertNull(bob.pollText(Duration.ofMillis(300)));
        }
    }

    @Test
    void pingToTheGatewayGetsPongWithTheSequence() throws Exception {
        try (TestAgent alice = TestAgent.registered(kit())) {
            var before = registry.byDid(alice.did()).orElseThrow().lastActivity();
            Thread.sleep(5);
            String id = alice.send(MessageType.PING, "did:key:gateway", alice.payload().put("sequence", 42));

            String text = alice.nextText();
            ObjectNode pong = TestAgent.json(text);
            assertEquals("PONG", pong.get("type").asText());
            assertEquals(id, pong.get("correlation_id").asText());
            assertEquals(42, pong.at("/payload/sequence").asInt());
            assertTrue(signedByGateway(text));
            assertTrue(registry.byDid(alice.did()).orElseThrow().lastActivity().isAfter(before),
                    "a PING moves last_activity on");
        }
    }

    @Test
    void aSchemaViolationNamesTheFieldAndKeepsTheConnection() throws Exception {
        try (TestAgent alice = TestAgent.registered(kit()); TestAgent bob = TestAgent.registered(kit())) {
            String id = alice.send(MessageType.OFFER, bob.did(), alice.payload().put("not_sdp", "x"));

            ObjectNode error = alice.next();
            assertEquals("MALFORMED_MESSAGE", error.at("/payload/code").asText());
            assertEquals("payload.sdp", error.at("/payload/details/field").asText());
            assertEquals(id, error.get("correlation_id").asText());

            alice.send(MessageType.OFFER, bob.did(), alice.payload().put("sdp", "v=0"));
            assertEquals("OFFER", bob.next().get("type").asText(), "the connection still works");
        }
    }

    @Test
    void brokenJsonIsMalformed() throws Exception {
        try (TestAgent alice = TestAgent.registered(kit())) {
            alice.sendRaw("{\"id\": \"x\", \"type\": ");
            assertEquals("MALFORMED_MESSAGE", alice.nextError().get("code").asText());
            alice.sendRaw("[" .repeat(1200) + "]".repeat(1200));
            assertEquals("MALFORMED_MESSAGE", alice.nextError().get("code").asText());
        }
    }

    @Test
    void aFrameOverTheLimitIsPayloadTooLarge() throws Exception {
        try (TestAgent alice = TestAgent.registered(kit()); TestAgent bob = TestAgent.registered(kit())) {
            String big = "v=" + "x".repeat(1_100_000);
            alice.send(MessageType.OFFER, bob.did(), alice.payload().put("sdp", big));

            assertEquals("PAYLOAD_TOO_LARGE", alice.nextError().get("code").asText());
            assertNull(bob.pollText(Duration.ofMillis(300)));
        }
    }

    @Test
    void aFrameJustUnderTheLimitIsDelivered() throws Exception {
        try (TestAgent alice = TestAgent.registered(kit()); TestAgent bob = TestAgent.registered(kit())) {
            String sdp = "v=" + "x".repeat(1_000_000);
            alice.send(MessageType.OFFER, bob.did(), alice.payload().put("sdp", sdp));

            assertEquals(sdp, bob.next().at("/payload/sdp").asText());
        }
    }

    @Test
    void aBinaryFrameIsMalformed() throws Exception {
        try (TestAgent alice = TestAgent.registered(kit())) {
            alice.socket().sendBinary(new byte[] { 1, 2, 3 });
            assertEquals("MALFORMED_MESSAGE", alice.nextError().get("code").asText());
            assertFalse(alice.socket().isClosed());
        }
    }

    @Test
    void anIntentToTheGatewayWithNoTaskIsUnknownAgent() throws Exception {
        try (TestAgent alice = TestAgent.registered(kit())) {
            alice.send(MessageType.INTENT, gateway.did(), alice.payload().put("query", "find me a translator"));
            assertEquals("UNKNOWN_AGENT", alice.nextError().get("code").asText());
        }
    }

    private static ObjectNode payloadFor(TestAgent agent, MessageType type) {
        ObjectNode payload = agent.payload();
        switch (type) {
            case OFFER, ANSWER -> payload.put("sdp", "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1");
            case ICE_CANDIDATE -> payload.put("candidate", "candidate:1 1 UDP 2122252543 10.0.0.1 54321 typ host")
                    .put("sdp_mid", "0").put("sdp_mline_index", 0);
            case INTENT -> payload.put("task", "extract_clauses").putObject("params").put("file_id", "doc_123");
            case EXEC_REQUEST -> {
                payload.putObject("args").put("text", "héllo wörld ✓");
                payload.put("timeout_ms", 5000).put("stream", false);
            }
            case EXEC_RESPONSE -> {
                payload.put("status", "success").put("execution_time_ms", 1234.5);
                payload.putObject("result").put("key", "value");
            }
            case ERROR -> payload.put("code", "TIMEOUT").put("message", "took too long").putObject("details");
            case PING, PONG -> payload.put("sequence", 7);
            default -> throw new IllegalArgumentException(type.name());
        }
        return payload;
    }
}
