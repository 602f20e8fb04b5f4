package io.aiconexus.gateway.fault.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.fault.itests.support.FaultTestBase;
import io.aiconexus.gateway.testsupport.TestAgent;
import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.protocol.MessageType;

/**
 * Issue 7, impersonation and replay end to end, beyond what gateway-tests covers (spoofed from,
 * tampered payload, replay on the same connection, a REGISTER replayed on another connection,
 * a stale REGISTER, a key mismatch): stale and future frames after REGISTER, a frame replayed by
 * its own sender on a new connection, a frame relayed by a third agent, and a registered
 * connection trying to take on a second DID.
 */
class ImpersonationTest extends FaultTestBase {

    @ParameterizedTest(name = "timestamp {0} s from now")
    @ValueSource(ints = { -301, 301 })
    void aFrameOutsideTheReplayWindowIsStaleAndNotDelivered(int offsetSeconds) throws Exception {
        try (TestAgent alice = TestAgent.registered(kit()); TestAgent bob = TestAgent.registered(kit())) {
            ObjectNode frame = alice.envelope(MessageType.OFFER, bob.did(), alice.payload().put("sdp", "v=0"));
            frame.put("timestamp", Instant.now().plusSeconds(offsetSeconds).toString());
            String id = alice.sendSigned(frame);

            ObjectNode error = alice.next();
            assertEquals("INVALID_SIGNATURE", error.at("/payload/code").asText(), error::toString);
            assertEquals("stale", error.at("/payload/details/reason").asText());
            assertEquals(id, error.get("correlation_id").asText());
            assertNull(bob.pollText(Duration.ofMillis(300)), "bob receives nothing");
            assertFalse(alice.socket().isClosed(), "the connection stays open");
        }
    }

    @Test
    void aFrameReplayedByItsSenderOnANewConnectionIsRefused() throws Exception {
        try (TestAgent bob = TestAgent.registered(kit())) {
            TestAgent alice = TestAgent.registered(kit());
            String signed = alice.sign(alice.envelope(MessageType.OFFER, bob.did(), alice.payload().put("sdp", "v=0")));
            alice.sendRaw(signed);
            assertEquals(signed, bob.nextText());
            alice.close();

            try (TestAgent again = TestAgent.connect(kit(), alice.identity(), alice.did())) {
                again.register();
                again.sendRaw(signed);

                ObjectNode error = again.nextError();
                assertEquals("INVALID_SIGNATURE", error.get("code").asText());
                assertEquals("replayed", error.at("/details/reason").asText(), "seen ids outlive the connection");
                assertNull(bob.pollText(Duration.ofMillis(300)));
            }
        }
    }

    @Test
    void aFrameCapturedAndSentByAThirdAgentIsRefused() throws Exception {
        try (TestAgent alice = TestAgent.registered(kit()); TestAgent bob = TestAgent.registered(kit());
                TestAgent mallory = TestAgent.registered(kit())) {
            // Signed by alice and never sent by her: mallory got hold of it and relays it as it is.
            String captured = alice.sign(alice.envelope(MessageType.OFFER, bob.did(), alice.payload().put("sdp", "v=0")));
            mallory.sendRaw(captured);

            ObjectNode error = mallory.nextError();
            assertEquals("INVALID_SIGNATURE", error.get("code").asText());
            assertEquals("from_mismatch", error.at("/details/reason").asText());
            assertNull(bob.pollText(Duration.ofMillis(300)), "a valid signature does not make mallory alice");
        }
    }

    @Test
    void aRegisteredConnectionCannotRegisterASecondDid() throws Exception {
        AgentIdentity victim = identities.generate();
        try (TestAgent mallory = TestAgent.registered(kit()); TestAgent other = TestAgent.registered(kit())) {
            // A correctly signed REGISTER for another key, sent on mallory's registered connection.
            ObjectNode register = kit().codec().newEnvelope(MessageType.REGISTER, victim.did(), victim.did(), null,
                    kit().codec().objectNode().put("public_key", victim.publicKeyBase58()));
            mallory.sendRaw(kit().codec().write(kit().signer().sign(victim, register)));

            ObjectNode error = mallory.nextError();
            assertEquals("INVALID_SIGNATURE", error.get("code").asText());
            assertEquals("from_mismatch", error.at("/details/reason").asText());
            assertTrue(registry.byDid(victim.did()).isEmpty(), "the second DID is not registered");
            assertEquals(mallory.did(), registry.byConnection(registry.byDid(mallory.did()).orElseThrow().connection())
                    .orElseThrow().did(), "the connection keeps its own DID");

            String id = other.send(MessageType.OFFER, victim.did(), other.payload().put("sdp", "v=0"));
            ObjectNode unknown = other.next();
            assertEquals("UNKNOWN_AGENT", unknown.at("/payload/code").asText(), "nobody answers for the victim");
            assertEquals(id, unknown.get("correlation_id").asText());
        }
    }
}
