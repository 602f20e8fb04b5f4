package io.aiconexus.gateway.fault.itests.support;

import io.aiconexus.gateway.testsupport.TestAgent;
import io.aiconexus.gateway.testsupport.Toolkit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.protocol.MessageType;

/** An agent on a {@link RawWebSocket}: signs its frames like any agent, then misbehaves at the socket level. */
public final class RawAgent implements AutoCloseable {
    private final Toolkit kit;
    private final AgentIdentity identity;
    private final RawWebSocket socket;

    private RawAgent(Toolkit kit, AgentIdentity identity, RawWebSocket socket) {
        this.kit = kit;
        this.identity = identity;
        this.socket = socket;
    }

    /** Connects from {@code localHost} as {@code identity}; the upgrade must be accepted. */
    public static RawAgent connect(Toolkit kit, AgentIdentity identity, URI gateway, String localHost) throws Exception {
        RawWebSocket socket = RawWebSocket.connect(gateway, localHost);
        assertEquals(101, socket.status(), () -> "upgrade refused: " + socket.status() + " " + socket.body());
        return new RawAgent(kit, identity, socket);
    }

    /** Connects from 127.0.0.1 with a new identity and registers. */
    public static RawAgent registered(Toolkit kit) throws Exception {
        return registered(kit, kit.identities().generate(), "127.0.0.1");
    }

    public static RawAgent registered(Toolkit kit, AgentIdentity identity, String localHost) throws Exception {
        RawAgent agent = connect(kit, identity, kit.gateway(), localHost);
        agent.register();
        return agent;
    }

    public void register() throws Exception {
        String id = send(MessageType.REGISTER, identity.did(), kit.codec().objectNode());
        ObjectNode ack = TestAgent.json(socket.readText(TestAgent.WAIT));
        assertEquals("REGISTER", ack.path("type").asText(), () -> "registration refused: " + ack);
        assertEquals(id, ack.path("correlation_id").asText());
    }

    /** Signs and sends; returns the frame's id. */
    public String send(MessageType type, String to, ObjectNode payload) throws Exception {
        ObjectNode envelope = kit.codec().newEnvelope(type, identity.did(), to, null, payload);
        socket.sendText(kit.codec().write(kit.signer().sign(identity, envelope)));
        return envelope.get("id").asText();
    }

    public String did() {
        return identity.did();
    }

    public AgentIdentity identity() {
        return identity;
    }

    public RawWebSocket socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
