package io.aiconexus.gateway.fault.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.fault.itests.support.FaultTestBase;
import io.aiconexus.gateway.fault.itests.support.RawAgent;
import io.aiconexus.gateway.fault.itests.support.RawWebSocket;
import io.aiconexus.gateway.testsupport.TestAgent;
import io.aiconexus.gateway.protocol.MessageType;

/**
 * PROTOCOL.md sections 1 and 11 at their exact limits, over real sockets: what is legal is delivered
 * unchanged, one step further is refused with the documented code, and the connection survives
 * every refusal the contract says it survives. What gateway-tests' RoutingTest already shows (a
 * frame of 1.1 MB, 1,200 nested arrays, a binary frame after REGISTER) is not repeated here.
 */
class MalformedInputTest extends FaultTestBase {
    private static final int FRAME_LIMIT = 1 << 20; // pid io.aiconexus.gateway.protocol, maxFrameBytes
    private static final int HARD_LIMIT = 4 << 20; // pid io.aiconexus.gateway.transport, maxMessageBytes
    private static final int MAX_DEPTH = 1000; // maxDepth; the frame object itself is depth 1
    private static final int MAX_NUMBER = 1000; // maxNumberLength

    @Test
    void aFrameOfExactlyOneMebibyteIsDeliveredAndOneByteMoreIsPayloadTooLarge() throws Exception {
        try (TestAgent alice = TestAgent.registered(kit()); TestAgent bob = TestAgent.registered(kit())) {
            String exact = offerOfSize(alice, bob.did(), FRAME_LIMIT);
            alice.sendRaw(exact);
            assertEquals(exact, bob.nextText(), "a frame at the limit is delivered unchanged");

            String over = offerOfSize(alice, bob.did(), FRAME_LIMIT + 1);
            alice.sendRaw(over);
            ObjectNode error = alice.next();
            assertEquals("PAYLOAD_TOO_LARGE", error.at("/payload/code").asText(), error::toString);
            assertEquals(TestAgent.json(over).get("id").asText(), error.get("correlation_id").asText(),
                    "the ERROR names the refused frame");
            assertNull(bob.pollText(Duration.ofMillis(300)));

            String after = alice.send(MessageType.OFFER, bob.did(), alice.payload().put("sdp", "v=0"));
            assertEquals(after, bob.next().get("id").asText(), "the connection stays usable");
        }
    }

    @Test
    void aMessageOverTheHardCapIsClosedWith1009AndTheAgentRemoved() throws Exception {
        RawAgent agent = RawAgent.registered(kit());
        byte[] huge = new byte[HARD_LIMIT + 1];
        Arrays.fill(huge, (byte) 'x');

        int code = closeCodeWhileSending(agent.socket(), () -> agent.socket().sendFrame(RawWebSocket.TEXT, huge));

        assertEquals(1009, code);
        eventually("the agent is removed", () -> registry.byDid(agent.did()).isEmpty());
        agent.close();
    }

    @Test
    void fragmentsAddingUpToMoreThanTheHardCapAreClosedWith1009() throws Exception {
        RawAgent agent = RawAgent.registered(kit());
        byte[] mebibyte = new byte[1 << 20];
        Arrays.fill(mebibyte, (byte) ' ');

        int code = closeCodeWhileSending(agent.socket(), () -> {
            agent.socket().sendFragment(RawWebSocket.TEXT, mebibyte, false);
            for (int i = 1; i <= 4; i++) {
                agent.socket().sendFragment(RawWebSocket.CONTINUATION, mebibyte, i == 4);
            }
        });

        assertEquals(1009, code, "fragmenting does not get a message past the cap");
        agent.close();
    }

    @Test
    void nestingAtTheDepthLimitIsDeliveredAndOneLevelMoreIsMalformed() throws Exception {
        try (TestAgent alice = TestAgent.registered(kit()); TestAgent bob = TestAgent.registered(kit())) {
            // frame (1) > payload (2) > arrays: the innermost array is at depth 2 + arrays
            String deepest = alice.sign(nested(alice, bob.did(), MAX_DEPTH - 2));
            alice.sendRaw(deepest);
            assertEquals(deepest, bob.nextText(), "nesting at the limit is legal and delivered unchanged");

            // One array more: Jackson will not even write that tree, so the text is made deeper by hand.
            ObjectNode tooDeep = nested(alice, bob.did(), MAX_DEPTH - 2);
            String deeper = alice.sign(tooDeep).replace("\"x\":[", "\"x\":[[")
                    .replace("]".repeat(MAX_DEPTH - 2), "]".repeat(MAX_DEPTH - 1));
            alice.sendRaw(deeper);
            ObjectNode error = alice.next();
            assertEquals("MALFORMED_MESSAGE", error.at("/payload/code").asText(), error::toString);
            assertEquals(tooDeep.get("id").asText(), error.get("correlation_id").asText());
            assertNull(bob.pollText(Duration.ofMillis(300)));

            alice.sendRaw("{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}");
            assertEquals("MALFORMED_MESSAGE", alice.nextError().get("code").asText(), "a hundred times deeper");
            String after = alice.send(MessageType.OFFER, bob.did(), alice.payload().put("sdp", "v=0"));
            assertEquals(after, bob.next().get("id").asText(), "the connection stays usable");
        }
    }

    @Test
    void aThousandDigitNumberIsDeliveredUnchangedAndOneDigitMoreIsMalformed() throws Exception {
        try (TestAgent alice = TestAgent.registered(kit()); TestAgent bob = TestAgent.registered(kit())) {
            // Beyond the double range RFC 8785 has no form: such a frame can carry only a Python-form signature.
            ObjectNode legal = alice.envelope(MessageType.OFFER, bob.did(), alice.payload().put("sdp", "v=0")
                    .put("n", new BigInteger("9".repeat(MAX_NUMBER))));
            String signed = alice.signPythonForm(legal);
            alice.sendRaw(signed);
            String received = bob.nextText();
            assertEquals(signed, received, "a 1,000-digit number arrives digit for digit");
            assertTrue(verifier.verify(codec.parse(received)).valid(), "and the signature holds end to end");

            ObjectNode tooLong = alice.envelope(MessageType.OFFER, bob.did(), alice.payload().put("sdp", "v=0")
                    .put("n", new BigInteger("9".repeat(MAX_NUMBER + 1))));
            alice.sendRaw(alice.signPythonForm(tooLong));
            ObjectNode error = alice.next();
            assertEquals("MALFORMED_MESSAGE", error.at("/payload/code").asText(), error::toString);
            assertEquals("payload.n", error.at("/payload/details/field").asText());
            assertEquals(tooLong.get("id").asText(), error.get("correlation_id").asText());
            assertNull(bob.pollText(Duration.ofMillis(300)));
        }
    }

    /** The fuzzer's finding, end to end: such a frame used to get no answer at all (a silent drop). */
    @Test
    void aLimitHitInsideAMemberWithAnEmptyNameIsAnsweredMalformed() throws Exception {
        try (TestAgent alice = TestAgent.registered(kit())) {
            ObjectNode frame = alice.envelope(MessageType.OFFER, alice.did(), alice.payload().put("sdp", "v=0"));
            String text = alice.sign(frame).replace("\"sdp\":\"v=0\"", "\"sdp\":\"v=0\",\"\":" + "1".repeat(MAX_NUMBER + 1));
            alice.sendRaw(text);

            ObjectNode error = alice.next();
            assertEquals("MALFORMED_MESSAGE", error.at("/payload/code").asText(), error::toString);
            assertEquals("payload.", error.at("/payload/details/field").asText(), "the member named \"\" in payload");
            assertEquals(frame.get("id").asText(), error.get("correlation_id").asText());
        }
    }

    @Test
    void invalidUtf8InATextFrameIsClosedWith1007() throws Exception {
        RawAgent agent = RawAgent.registered(kit());
        byte[] lone = "{\"id\":\"x\",\"payload\":{\"sdp\":\"\u00e9\"}}".getBytes(StandardCharsets.UTF_8);
        byte[] broken = Arrays.copyOf(lone, lone.length);
        int at = new String(lone, StandardCharsets.ISO_8859_1).indexOf('\u00c3');
        broken[at + 1] = 0x28; // 0xC3 0x28: a lead byte followed by no continuation byte

        agent.socket().sendFrame(RawWebSocket.TEXT, broken);

        assertEquals(1007, agent.socket().awaitClose(TestAgent.WAIT));
        eventually("the agent is removed", () -> registry.byDid(agent.did()).isEmpty());
        agent.close();
    }

    @Test
    void aBinaryFrameInsteadOfRegisterIsMalformedAndClosedWith1008() throws Exception {
        try (RawWebSocket socket = RawWebSocket.connect(transport.address(), "127.0.0.1")) {
            assertEquals(101, socket.status());
            socket.sendFrame(RawWebSocket.BINARY, new byte[] { 0x7b, 0x7d });

            String text = socket.readText(TestAgent.WAIT);
            ObjectNode error = TestAgent.json(text);
            assertEquals("MALFORMED_MESSAGE", error.at("/payload/code").asText(), error::toString);
            assertEquals("binary_frame", error.at("/payload/details/reason").asText());
            assertEquals(gateway.did(), error.get("from").asText());
            assertTrue(error.get("to").isNull(), "no DID could be read: the ERROR goes to null");
            assertEquals(1008, socket.awaitClose(TestAgent.WAIT));
        }
    }

    /** A signed OFFER whose text is exactly {@code bytes} long (ASCII), by padding its sdp. */
    private static String offerOfSize(TestAgent sender, String to, int bytes) {
        ObjectNode envelope = sender.envelope(MessageType.OFFER, to, sender.payload().put("sdp", ""));
        int without = sender.sign(envelope.deepCopy()).length(); // the signature's length does not vary
        ((ObjectNode) envelope.get("payload")).put("sdp", "x".repeat(bytes - without));
        String text = sender.sign(envelope);
        assertEquals(bytes, text.getBytes(StandardCharsets.UTF_8).length);
        return text;
    }

    /** An OFFER whose payload holds {@code arrays} arrays, each inside the one before. */
    private static ObjectNode nested(TestAgent sender, String to, int arrays) {
        ObjectNode payload = sender.payload().put("sdp", "v=0");
        ArrayNode array = payload.putArray("x");
        for (int i = 1; i < arrays; i++) {
            array = array.addArray();
        }
        return sender.envelope(MessageType.OFFER, to, payload);
    }

    /**
     * The close code the gateway sends while {@code sending} is still writing: the gateway closes
     * as soon as the frame header announces too much, so the write may fail half-way.
     */
    private static int closeCodeWhileSending(RawWebSocket socket, IoAction sending) throws Exception {
        CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
            try {
                sending.run();
            } catch (IOException cutOff) {
                // expected once the gateway has closed
            }
        });
        try {
            return socket.awaitClose(Duration.ofSeconds(20));
        } finally {
            sent.cancel(true);
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }
}
