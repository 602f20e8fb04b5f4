package io.aiconexus.gateway.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.ErrorCode;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.sdk.internal.Frames;

/** The message builders: the right type, recipient, correlation and payload, and clear errors for bad input. */
class MessagesTest {
    private static final AgentIdentity ALICE = AgentKeys.generate();
    private static final AgentIdentity BOB = AgentKeys.generate();

    @Test
    void anOfferCarriesTheSdpToItsRecipient() {
        Message offer = Messages.offer(BOB.did(), "v=0");

        assertEquals(MessageType.OFFER, offer.type());
        assertEquals(BOB.did(), offer.to());
        assertNull(offer.correlationId());
        assertEquals("{\"sdp\":\"v=0\"}", offer.payload().toString());
    }

    @Test
    void repliesGoToTheSenderAndCorrelateToTheFrameTheyAnswer() {
        Envelope offer = new Frames(ALICE).sign(Messages.offer(BOB.did(), "v=0"));

        Message answer = Messages.answer(offer, "v=0 answer");
        Message error = Messages.error(offer, ErrorCode.FORBIDDEN, "not now");

        assertEquals(ALICE.did(), answer.to());
        assertEquals(offer.id(), answer.correlationId());
        assertEquals(MessageType.ANSWER, answer.type());
        assertEquals(ALICE.did(), error.to());
        assertEquals("FORBIDDEN", error.payload().get("code").asText());
        assertEquals(offer.id(), error.correlationId());
    }

    @Test
    void aPongEchoesThePingsSequence() {
        Envelope ping = new Frames(ALICE).sign(Messages.ping(BOB.did(), 7));

        Message pong = Messages.pong(ping);

        assertEquals(MessageType.PONG, pong.type());
        assertEquals(7, pong.payload().get("sequence").asLong());
        assertEquals(ping.id(), pong.correlationId());
    }

    @Test
    void execRequestsCarryArgsAndTheTimeoutInMilliseconds() {
        Message direct = Messages.execRequest(BOB.did(), Map.of("n", 1), Duration.ofSeconds(2));
        Message routed = Messages.execCapability("translate", Map.of("text", "hi"), Duration.ofMillis(1500));

        assertEquals(1, direct.payload().at("/args/n").asInt());
        assertEquals(2000, direct.payload().get("timeout_ms").asLong());
        assertEquals(Messages.GATEWAY, routed.to());
        assertEquals("translate", routed.payload().get("capability").asText());
        assertEquals(1500, routed.payload().get("timeout_ms").asLong());
    }

    @Test
    void anExecResponseCarriesStatusResultAndTime() {
        Envelope request = new Frames(ALICE).sign(Messages.execRequest(BOB.did(), null));

        Message response = Messages.execResponse(request, "success", List.of(1, 2), 12.5);

        assertEquals("success", response.payload().get("status").asText());
        assertEquals("[1,2]", response.payload().get("result").toString());
        assertEquals(12.5, response.payload().get("execution_time_ms").asDouble());
        assertEquals(request.id(), response.correlationId());
    }

    @Test
    void iceCandidatesAndIntentsHaveTheSeedsFieldNames() {
        Message ice = Messages.iceCandidate(BOB.did(), "candidate:1 1 UDP 1 10.0.0.1 9 typ host", "0", 0);
        Message intent = Messages.intent(BOB.did(), "extract_clauses", Map.of("file_id", "doc_123"));
        Message query = Messages.query(BOB.did(), "Extract non-compete clauses", "Legal document");

        assertEquals("0", ice.payload().get("sdp_mid").asText());
        assertEquals(0, ice.payload().get("sdp_mline_index").asInt());
        assertEquals("doc_123", intent.payload().at("/params/file_id").asText());
        assertEquals("Legal document", query.payload().get("context").asText());
    }

    @Test
    void aPayloadThatBreaksTheSchemaIsRefusedNamingTheField() {
        IllegalArgumentException noSdp = assertThrows(IllegalArgumentException.class,
                () -> Message.builder(MessageType.OFFER, BOB.did()).put("spd", "typo").build());
        IllegalArgumentException badTimeout = assertThrows(IllegalArgumentException.class,
                () -> Message.builder(MessageType.EXEC_REQUEST, BOB.did()).put("timeout_ms", -5).build());

        assertTrue(noSdp.getMessage().contains("payload.sdp"), noSdp.getMessage());
        assertTrue(badTimeout.getMessage().contains("payload.timeout_ms"), badTimeout.getMessage());
    }

    @Test
    void aPayloadMustBeAJsonObject() {
        IllegalArgumentException array = assertThrows(IllegalArgumentException.class,
                () -> Message.builder(MessageType.OFFER, BOB.did()).payloadJson("[1,2]"));
        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class,
                () -> Message.builder(MessageType.OFFER, BOB.did()).payloadJson("{\"sdp\":"));

        assertTrue(array.getMessage().contains("must be a JSON object"), array.getMessage());
        assertTrue(broken.getMessage().contains("not valid JSON"), broken.getMessage());
    }

    @Test
    void aMessageWithoutRecipientIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Messages.offer(" ", "v=0"));

        assertTrue(error.getMessage().contains("recipient"), error.getMessage());
    }

    @Test
    void everyMessageHasItsOwnIdAndItsPayloadCannotBeChangedFromOutside() {
        Message first = Messages.offer(BOB.did(), "v=0");
        Message second = Messages.offer(BOB.did(), "v=0");

        first.payload().put("sdp", "changed");

        assertNotEquals(first.id(), second.id());
        assertEquals("v=0", first.payload().get("sdp").asText());
        assertFalse(first.id().isBlank());
    }
}
