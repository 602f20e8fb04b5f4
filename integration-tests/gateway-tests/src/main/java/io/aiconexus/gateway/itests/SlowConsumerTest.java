package io.aiconexus.gateway.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.testsupport.GatewayTestBase;
import io.aiconexus.gateway.testsupport.TestAgent;
import io.aiconexus.gateway.protocol.MessageType;

/**
 * PROTOCOL.md section 11, stuck consumer: a recipient that stops reading fills its outbound
 * queue; the sender then gets OVERLOADED for each frame that cannot be queued, the stuck
 * connection is closed hard, and other agents are not slowed down meanwhile.
 */
class SlowConsumerTest extends GatewayTestBase {
    private static final String SDP = "v=0 " + "x".repeat(16 * 1024);

    @Test
    void aStuckRecipientCostsTheSenderAnOverloadedAndIsDisconnected() throws Exception {
        try (TestAgent stuck = TestAgent.registeredButStuck(kit()); TestAgent sender = TestAgent.registered(kit());
                TestAgent alice = TestAgent.registered(kit()); TestAgent bob = TestAgent.registered(kit())) {
            ObjectNode overloaded = null;
            List<Long> otherRoundTrips = new ArrayList<>();
            int sent = 0;
            while (overloaded == null && sent < 20_000) {
                sender.send(MessageType.OFFER, stuck.did(), sender.payload().put("sdp", SDP));
                sent++;
                String reply = sender.pollText(Duration.ZERO);
                if (reply != null) {
                    overloaded = TestAgent.json(reply);
                }
                if (sent % 200 == 0) {
                    otherRoundTrips.add(roundTripMicros(alice, bob));
                }
            }
            if (overloaded == null) {
                overloaded = sender.next();
            }

            assertEquals("ERROR", overloaded.get("type").asText(), () -> "unexpected " + "frame");
            assertEquals("OVERLOADED", overloaded.at("/payload/code").asText());
            assertEquals(stuck.did(), overloaded.at("/payload/details/to").asText());
            long deadline = System.currentTimeMillis() + 10_000;
            while (registry.byDid(stuck.did()).isPresent() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(registry.byDid(stuck.did()).isEmpty(), "the stuck agent is disconnected");
            otherRoundTrips.add(roundTripMicros(alice, bob));
            System.out.println("SlowConsumerTest: OVERLOADED after " + sent + " frames of " + SDP.length()
                    + " chars; other agents' OFFER->ANSWER round trips meanwhile (us): " + otherRoundTrips);

            sender.send(MessageType.OFFER, stuck.did(), sender.payload().put("sdp", "v=0"));
            ObjectNode afterwards = next(sender, "UNKNOWN_AGENT");
            assertEquals("UNKNOWN_AGENT", afterwards.at("/payload/code").asText());
        }
    }

    /** Skips further OVERLOADED answers to frames already in flight. */
    private static ObjectNode next(TestAgent agent, String code) throws Exception {
        while (true) {
            ObjectNode frame = agent.next();
            if (!"OVERLOADED".equals(frame.at("/payload/code").asText()) || code.equals("OVERLOADED")) {
                return frame;
            }
        }
    }

    private static long roundTripMicros(TestAgent alice, TestAgent bob) throws Exception {
        long start = System.nanoTime();
        alice.send(MessageType.OFFER, bob.did(), alice.payload().put("sdp", "v=0"));
        assertEquals("OFFER", bob.next().get("type").asText());
        bob.send(MessageType.ANSWER, alice.did(), bob.payload().put("sdp", "v=0"));
        assertEquals("ANSWER", alice.next().get("type").asText());
        return (System.nanoTime() - start) / 1000;
    }
}
