package io.aiconexus.gateway.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.test.common.annotation.Property;
import org.osgi.test.common.annotation.config.WithConfiguration;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.testsupport.GatewayTestBase;
import io.aiconexus.gateway.testsupport.TestAgent;
import io.aiconexus.gateway.testsupport.WsClient;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.protocol.payload.Capability;

/** PROTOCOL.md sections 1, 3, 4 and 5 over real WebSockets: who gets in, and how. */
class RegistrationTest extends GatewayTestBase {

    @Test
    void aStandardDidRegistersAndTheAckIsSignedByTheGateway() throws Exception {
        try (TestAgent agent = TestAgent.connect(kit())) {
            assertEquals("ioap.v1", agent.socket().subprotocol());
            String id = agent.send(MessageType.REGISTER, gateway.did(),
                    agent.payload().put("public_key", agent.identity().publicKeyBase58()));
            String text = agent.nextText();
            ObjectNode ack = TestAgent.json(text);

            assertEquals("REGISTER", ack.get("type").asText());
            assertEquals(gateway.did(), ack.get("from").asText());
            assertEquals(agent.did(), ack.get("to").asText());
            assertEquals(id, ack.get("correlation_id").asText());
            assertEquals(gateway.publicKeyBase58(), ack.at("/payload/public_key").asText());
            assertTrue(signedByGateway(text), "the ack must verify under the gateway's DID");
            assertTrue(registry.byDid(agent.did()).isPresent());
        }
    }

    @Test
    void theSeedSdksLegacyDidRegisters() throws Exception {
        AgentIdentity identity = identities.generate();
        String legacy = didKeys.encodeLegacy(identity.publicKey());
        try (TestAgent agent = TestAgent.connect(kit(), identity, legacy)) {
            agent.register();
            assertEquals("LEGACY", registry.byDid(legacy).orElseThrow().key().encoding().name());
        }
    }

    @Test
    void aClientOfferingNoSubprotocolIsAccepted() throws Exception {
        try (WsClient client = WsClient.connect(transport.address())) {
            assertEquals("", client.subprotocol());
        }
    }

    @Test
    void aClientOfferingOnlyOtherSubprotocolsIsRefusedAtTheUpgrade() {
        assertThrows(Exception.class, () -> WsClient.connect(transport.address(), "mqtt", "stomp").close());
    }

    @Test
    void aBadSignatureIsRefusedAndTheConnectionClosed() throws Exception {
        try (TestAgent agent = TestAgent.connect(kit())) {
            ObjectNode register = agent.envelope(MessageType.REGISTER, agent.did(), agent.payload());
            String signed = agent.sign(register).replace("\"payload\":{}", "\"payload\":{\"metadata\":{}}");
            agent.sendRaw(signed);

            ObjectNode error = agent.next();
            assertEquals("INVALID_SIGNATURE", error.at("/payload/code").asText());
            assertEquals(agent.did(), error.get("to").asText(), "an ERROR before registration goes to the claimed DID");
            assertEquals(register.get("id").asText(), error.get("correlation_id").asText());
            assertEquals(1008, agent.awaitClose());
            assertTrue(registry.byDid(agent.did()).isEmpty());
        }
    }

    @Test
    void aFirstFrameThatIsNotRegisterIsRefused() throws Exception {
        try (TestAgent agent = TestAgent.connect(kit())) {
            agent.send(MessageType.OFFER, agent.did(), agent.payload().put("sdp", "v=0"));

            ObjectNode error = agent.nextError();
            assertEquals("CONNECTION_REFUSED", error.get("code").asText());
            assertEquals(1008, agent.awaitClose());
        }
    }

    @Test
    void aPublicKeyThatIsNotTheDidsKeyIsRefused() throws Exception {
        AgentIdentity other = identities.generate();
        try (TestAgent agent = TestAgent.connect(kit())) {
            agent.send(MessageType.REGISTER, agent.did(), agent.payload().put("public_key", other.publicKeyBase58()));

            ObjectNode error = agent.nextError();
            assertEquals("INVALID_SIGNATURE", error.get("code").asText());
            assertEquals("key_mismatch", error.at("/details/reason").asText());
            assertEquals(1008, agent.awaitClose());
        }
    }

    @Test
    void aDidSignedByAnotherKeyIsRefused() throws Exception {
        AgentIdentity impostor = identities.generate();
        String victim = identities.generate().did();
        try (TestAgent agent = TestAgent.connect(kit(), impostor, victim)) {
            agent.send(MessageType.REGISTER, victim, agent.payload());

            assertEquals("INVALID_SIGNATURE", agent.nextError().get("code").asText());
            assertEquals(1008, agent.awaitClose());
            assertTrue(registry.byDid(victim).isEmpty());
        }
    }

    @Test
    void aStaleRegisterIsRefused() throws Exception {
        try (TestAgent agent = TestAgent.connect(kit())) {
            ObjectNode register = agent.envelope(MessageType.REGISTER, agent.did(), agent.payload());
            register.put("timestamp", Instant.now().minusSeconds(600).toString());
            agent.sendSigned(register);

            ObjectNode error = agent.nextError();
            assertEquals("INVALID_SIGNATURE", error.get("code").asText());
            assertEquals("stale", error.at("/details/reason").asText());
        }
    }

    @Test
    void aRegisterReplayedOnAnotherConnectionIsRefused() throws Exception {
        try (TestAgent agent = TestAgent.connect(kit())) {
            String register = agent.sign(agent.envelope(MessageType.REGISTER, agent.did(), agent.payload()));
            agent.sendRaw(register);
            assertEquals("REGISTER", agent.next().get("type").asText());

            try (TestAgent thief = TestAgent.connect(kit(), identities.generate(), agent.did())) {
                thief.sendRaw(register);

                ObjectNode error = thief.nextError();
                assertEquals("INVALID_SIGNATURE", error.get("code").asText());
                assertEquals("replayed", error.at("/details/reason").asText());
                assertEquals(1008, thief.awaitClose());
            }
            assertFalse(agent.socket().isClosed(), "the genuine agent keeps its connection");
        }
    }

    @Test
    void aNaiveUtcTimestampWithMicrosecondsIsAccepted() throws Exception {
        try (TestAgent agent = TestAgent.connect(kit())) {
            ObjectNode register = agent.envelope(MessageType.REGISTER, agent.did(), agent.payload());
            register.put("timestamp", LocalDateTime.now(ZoneOffset.UTC).withNano(123456000).toString());
            agent.sendSigned(register);

            assertEquals("REGISTER", agent.next().get("type").asText());
        }
    }

    @Test
    void aPythonFormSignatureWithNonAsciiAndFloatsIsAccepted() throws Exception {
        AgentIdentity identity = identities.generate();
        String legacy = didKeys.encodeLegacy(identity.publicKey());
        try (TestAgent agent = TestAgent.connect(kit(), identity, legacy)) {
            ObjectNode payload = agent.payload().put("public_key", identity.publicKeyBase58());
            payload.putObject("metadata").put("name", "Agent Zoë — 東京").put("score", 1234.0).put("ratio", 0.1);
            ObjectNode register = agent.envelope(MessageType.REGISTER, legacy, payload);
            register.put("timestamp", LocalDateTime.now(ZoneOffset.UTC).toString());
            agent.sendRaw(agent.signPythonForm(register));

            ObjectNode ack = agent.next();
            assertEquals("REGISTER", ack.get("type").asText(), () -> "refused: " + ack);
        }
    }

    @Test
    void aSecondConnectionWithTheSameDidTakesOver() throws Exception {
        try (TestAgent first = TestAgent.registered(kit());
                TestAgent second = TestAgent.connect(kit(), first.identity(), first.did())) {
            second.register();

            ObjectNode error = first.nextError();
            assertEquals("CONNECTION_REFUSED", error.get("code").asText());
            assertEquals("replaced", error.at("/details/reason").asText());
            assertEquals(1008, first.awaitClose());
            assertEquals(registry.byDid(first.did()).orElseThrow().connection().id(),
                    registry.byDid(second.did()).orElseThrow().connection().id());
            assertFalse(second.socket().isClosed());
        }
    }

    @Test
    void aSecondRegisterReplacesCapabilitiesAndIsAckedAgain() throws Exception {
        try (TestAgent agent = TestAgent.connect(kit())) {
            ObjectNode payload = agent.payload();
            payload.putArray("capabilities").addObject().put("name", "echo");
            agent.register(payload);
            ObjectNode update = agent.payload();
            update.putArray("capabilities").addObject().put("name", "time").put("description", "tells the time");
            update.putObject("metadata").put("region", "eu");

            agent.register(update);

            var registered = registry.byDid(agent.did()).orElseThrow();
            assertEquals(List.of("time"), registered.capabilities().stream().map(Capability::name).toList());
            assertEquals("eu", registered.metadata().get("region").asText());
        }
    }

    @Test
    void unregisterRemovesTheAgentAtOnce() throws Exception {
        try (TestAgent leaving = TestAgent.registered(kit()); TestAgent other = TestAgent.registered(kit())) {
            leaving.send(MessageType.UNREGISTER, gateway.did(), leaving.payload());
            assertEquals(1000, leaving.awaitClose());
            assertTrue(registry.byDid(leaving.did()).isEmpty());

            String id = other.send(MessageType.OFFER, leaving.did(), other.payload().put("sdp", "v=0"));
            ObjectNode error = other.next();
            assertEquals("UNKNOWN_AGENT", error.at("/payload/code").asText());
            assertEquals(id, error.get("correlation_id").asText());
        }
    }

    @Test
    void closingTheSocketRemovesTheAgent() throws Exception {
        TestAgent agent = TestAgent.registered(kit());
        String did = agent.did();
        agent.close();
        long deadline = System.currentTimeMillis() + 5000;
        while (registry.byDid(did).isPresent() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(registry.byDid(did).isEmpty());
    }

    @Test
    @WithConfiguration(pid = "io.aiconexus.gateway.router", properties = @Property(key = "registerTimeoutSeconds", value = "1", scalar = Property.Scalar.Integer))
    void aConnectionThatNeverRegistersIsClosed() throws Exception {
        try (TestAgent silent = TestAgent.connect(kit())) {
            assertEquals(1008, silent.socket().awaitClose(java.time.Duration.ofSeconds(15)));
        }
    }
}
