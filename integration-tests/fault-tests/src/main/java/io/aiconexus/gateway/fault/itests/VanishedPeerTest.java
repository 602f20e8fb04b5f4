package io.aiconexus.gateway.fault.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.test.common.annotation.Property;
import org.osgi.test.common.annotation.config.WithConfiguration;

import io.aiconexus.gateway.fault.itests.support.FaultTestBase;
import io.aiconexus.gateway.fault.itests.support.RawAgent;
import io.aiconexus.gateway.testsupport.TestAgent;
import io.aiconexus.gateway.protocol.MessageType;

/**
 * Issue 7, "an agent whose network vanishes is detected and removed": a peer that stops answering
 * (no close frame, no FIN, not even a pong) is dropped by the server's heartbeat after 2.5 ping
 * intervals; a peer whose TCP connection is reset is removed at once. Either way it leaves the
 * registry, a mailbox opens for it, and frames sent to it meanwhile arrive when it comes back.
 */
class VanishedPeerTest extends FaultTestBase {

    @Test
    @WithConfiguration(pid = TRANSPORT_PID, properties = {
            @Property(key = "port", value = "0", scalar = Property.Scalar.Integer),
            @Property(key = "pingIntervalSeconds", value = "1", scalar = Property.Scalar.Integer) })
    void aPeerThatStopsAnsweringIsDroppedAndItsFramesWaitInItsMailbox() throws Exception {
        awaitTransport("(pingIntervalSeconds=1)");
        try (TestAgent alice = TestAgent.registered(kit()); RawAgent silent = RawAgent.registered(kit())) {
            // From here on the raw agent reads nothing and answers nothing: the kernel still ACKs, the peer is gone.
            long silentSince = System.nanoTime();
            eventually("the silent agent is removed", () -> registry.byDid(silent.did()).isEmpty());
            long detectedMillis = (System.nanoTime() - silentSince) / 1_000_000;
            // the registry forgets it a moment before its mailbox opens (the router does both, in that order)
            eventually("a peer that vanished without UNREGISTER gets a mailbox", () -> mailboxes.isOpen(silent.did()));
            assertTrue(silent.socket().endsWithin(Duration.ofSeconds(10)), "the gateway closed the dead connection");
            System.out.println("VanishedPeerTest: silent peer removed after " + detectedMillis
                    + " ms (ping interval 1 s, limit 2.5 intervals)");

            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                sent.add(alice.send(MessageType.OFFER, silent.did(), alice.payload().put("sdp", "while away " + i)));
            }
            assertNull(alice.pollText(Duration.ofMillis(500)), "no error to the sender: the frames are kept");

            try (TestAgent back = TestAgent.connect(kit(), silent.identity(), silent.did())) {
                back.register();
                for (String id : sent) {
                    assertEquals(id, back.next().get("id").asText(), "kept frames arrive in order");
                }
            }
        }
    }

    @Test
    @WithConfiguration(pid = TRANSPORT_PID, properties = {
            @Property(key = "port", value = "0", scalar = Property.Scalar.Integer),
            @Property(key = "pingIntervalSeconds", value = "1", scalar = Property.Scalar.Integer) })
    void anIdleAgentThatAnswersPingsStaysRegistered() throws Exception {
        awaitTransport("(pingIntervalSeconds=1)");
        try (TestAgent idle = TestAgent.registered(kit()); TestAgent alice = TestAgent.registered(kit())) {
            // Four ping intervals: well past the 2.5 after which a peer that answers nothing is dropped.
            assertNull(idle.pollText(Duration.ofSeconds(4)));

            assertTrue(registry.byDid(idle.did()).isPresent(), "the heartbeat drops the silent, not the idle");
            String id = alice.send(MessageType.OFFER, idle.did(), alice.payload().put("sdp", "still there?"));
            assertEquals(id, idle.next().get("id").asText());
        }
    }

    @Test
    @WithConfiguration(pid = TRANSPORT_PID, properties = {
            @Property(key = "port", value = "0", scalar = Property.Scalar.Integer),
            @Property(key = "pingIntervalSeconds", value = "30", scalar = Property.Scalar.Integer) })
    void aPeerWhoseConnectionIsResetIsRemovedWithoutWaitingForTheHeartbeat() throws Exception {
        awaitTransport("(pingIntervalSeconds=30)"); // the default: the heartbeat alone would take 75 s
        try (TestAgent alice = TestAgent.registered(kit())) {
            RawAgent crashed = RawAgent.registered(kit());
            crashed.socket().reset();

            // 15 s at most, against a heartbeat that would need 75 s: the reset itself was noticed.
            // the registry forgets it a moment before its mailbox opens (the router does both, in that order)
            eventually("the reset agent is removed and its mailbox open",
                    () -> registry.byDid(crashed.did()).isEmpty() && mailboxes.isOpen(crashed.did()));

            String id = alice.send(MessageType.ICE_CANDIDATE, crashed.did(), alice.payload().put("candidate", "c1"));
            assertNull(alice.pollText(Duration.ofMillis(300)), "kept, not refused");
            try (TestAgent back = TestAgent.connect(kit(), crashed.identity(), crashed.did())) {
                back.register();
                assertEquals(id, back.next().get("id").asText());
            }
        }
    }
}
