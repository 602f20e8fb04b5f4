package io.aiconexus.gateway.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.protocol.CanonicalForm;
import io.aiconexus.gateway.protocol.MessageType;

/** An agent on a real WebSocket: builds, signs and sends frames, and reads what arrives. */
public final class TestAgent implements AutoCloseable {
    /** How long a test waits for one frame: generous, the machine is shared and a hot swap holds frames. */
    public static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Toolkit kit;
    private final AgentIdentity identity;
    private final String did;
    private final WsClient ws;

    private TestAgent(Toolkit kit, AgentIdentity identity, String did, WsClient ws) {
        this.kit = kit;
        this.identity = identity;
        this.did = did;
        this.ws = ws;
    }

    /** A new identity on a new connection offering {@code ioap.v1}. */
    public static TestAgent connect(Toolkit kit) throws Exception {
        AgentIdentity identity = kit.identities().generate();
        return connect(kit, identity, identity.did());
    }

    /** {@code identity} presenting itself as {@code did} (its standard or legacy DID, or a lie). */
    public static TestAgent connect(Toolkit kit, AgentIdentity identity, String did) throws Exception {
        return new TestAgent(kit, identity, did, WsClient.connect(kit.gateway(), "ioap.v1"));
    }

    /** A registered agent that reads nothing after its REGISTER acknowledgement: a stuck consumer. */
    public static TestAgent registeredButStuck(Toolkit kit) throws Exception {
        AgentIdentity identity = kit.identities().generate();
        TestAgent agent = new TestAgent(kit, identity, identity.did(), WsClient.connectStalling(kit.gateway(), 1));
        agent.register();
        return agent;
    }

    /** Connects and registers; fails the test unless the gateway acknowledges. */
    public static TestAgent registered(Toolkit kit) throws Exception {
        TestAgent agent = connect(kit);
        agent.register();
        return agent;
    }

    public String did() {
        return did;
    }

    public AgentIdentity identity() {
        return identity;
    }

    public WsClient socket() {
        return ws;
    }

    /** An unsigned envelope from this agent. */
    public ObjectNode envelope(MessageType type, String to, ObjectNode payload) {
        return kit.codec().newEnvelope(type, did, to, null, payload);
    }

    public ObjectNode payload() {
        return kit.codec().objectNode();
    }

    /** Signs over RFC 8785 bytes, as this project's clients do. */
    public String sign(ObjectNode envelope) {
        return kit.codec().write(kit.signer().sign(identity, envelope));
    }

    /** Signs over the seed Python SDK's canonical form. */
    public String signPythonForm(ObjectNode envelope) {
        envelope.remove("signature");
        byte[] bytes = kit.canonicalizer().canonicalize(envelope, CanonicalForm.PYTHON);
        envelope.put("signature", Base64.getEncoder().encodeToString(identity.sign(bytes)));
        return kit.codec().write(envelope);
    }

    public void sendRaw(String text) throws Exception {
        ws.send(text);
    }

    /** Signs and sends; returns the frame's id. */
    public String send(MessageType type, String to, ObjectNode payload) throws Exception {
        ObjectNode envelope = envelope(type, to, payload);
        ws.send(sign(envelope));
        return envelope.get("id").asText();
    }

    /** Signs and sends a frame answering {@code correlationId}; returns its id. */
    public String reply(MessageType type, String to, String correlationId, ObjectNode payload) throws Exception {
        ObjectNode envelope = kit.codec().newEnvelope(type, did, to, correlationId, payload);
        ws.send(sign(envelope));
        return envelope.get("id").asText();
    }

    /** Signs a frame, then changes its payload: the signature no longer holds. Returns the frame's id. */
    public String sendTampered(MessageType type, String to, ObjectNode payload) throws Exception {
        ObjectNode envelope = kit.signer().sign(identity, envelope(type, to, payload));
        ((ObjectNode) envelope.get("payload")).put("tampered", true);
        ws.send(kit.codec().write(envelope));
        return envelope.get("id").asText();
    }

    /** The next frame, which must be an ERROR answering {@code id} with {@code code}; returns its payload. */
    public ObjectNode nextError(String id, String code) throws Exception {
        ObjectNode frame = next();
        assertEquals("ERROR", frame.path("type").asText(), () -> "expected an ERROR " + code + ", got " + frame);
        assertEquals(id, frame.path("correlation_id").asText(), () -> "the ERROR answers another frame: " + frame);
        assertEquals(code, frame.at("/payload/code").asText(), () -> "unexpected ERROR: " + frame);
        return (ObjectNode) frame.get("payload");
    }

    public String sendSigned(ObjectNode envelope) throws Exception {
        ws.send(sign(envelope));
        return envelope.get("id").asText();
    }

    /** REGISTER to the gateway; returns the acknowledgement after checking it. */
    public ObjectNode register() throws Exception {
        return register(payload().put("public_key", identity.publicKeyBase58()));
    }

    public ObjectNode register(ObjectNode payload) throws Exception {
        String id = send(MessageType.REGISTER, did, payload);
        ObjectNode ack = next();
        assertEquals("REGISTER", ack.path("type").asText(), () -> "registration of " + did + " refused: " + ack);
        assertEquals(id, ack.path("correlation_id").asText());
        return ack;
    }

    /** The next frame as JSON. */
    public ObjectNode next() throws Exception {
        return (ObjectNode) JSON.readTree(ws.next(WAIT));
    }

    /** The next frame as received, text for text. */
    public String nextText() throws InterruptedException, TimeoutException {
        return ws.next(WAIT);
    }

    /** The next frame, which must be an ERROR; returns its payload. */
    public ObjectNode nextError() throws Exception {
        ObjectNode frame = next();
        assertEquals("ERROR", frame.path("type").asText(), () -> "expected an ERROR, got " + frame);
        return (ObjectNode) frame.get("payload");
    }

    /** No frame arrives within {@code quiet}. */
    public String pollText(Duration quiet) throws InterruptedException {
        return ws.poll(quiet);
    }

    public int awaitClose() throws Exception {
        return ws.awaitClose(WAIT);
    }

    public static ObjectNode json(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text);
    }

    @Override
    public void close() {
        ws.close();
    }
}
