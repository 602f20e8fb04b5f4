package io.aiconexus.gateway.plugin.echoagent.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.identity.EnvelopeVerifier;
import io.aiconexus.gateway.identity.SignatureCheck;
import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.EnvelopeCodec;
import io.aiconexus.gateway.protocol.ErrorCode;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.protocol.ProtocolException;

/**
 * The agent's side of IoAP on one connection: REGISTER and its acknowledgement, then answers to
 * the frames it receives. Every frame is verified before it is acted on. Used by one thread.
 */
final class AgentSession {
    private static final Logger LOG = LoggerFactory.getLogger(AgentSession.class);

    /** Signs and sends a frame on the current connection; returns its id. */
    interface Outbox {
        String send(MessageType type, String to, String correlationId, ObjectNode payload);
    }

    private final AgentIdentity identity;
    private final EnvelopeCodec codec;
    private final EnvelopeVerifier verifier;
    private final ExecResponder responder;
    private final ObjectNode registerPayload;
    private String registerId;
    private String gatewayDid;
    private boolean registered;

    AgentSession(AgentIdentity identity, EnvelopeCodec codec, EnvelopeVerifier verifier, ExecResponder responder,
            ObjectNode registerPayload) {
        this.identity = identity;
        this.codec = codec;
        this.verifier = verifier;
        this.responder = responder;
        this.registerPayload = registerPayload;
    }

    /** A new connection: registers on it. */
    void opened(Outbox out) {
        registered = false;
        registerId = out.send(MessageType.REGISTER, identity.did(), null, registerPayload.deepCopy());
    }

    void closed() {
        registered = false;
    }

    boolean registered() {
        return registered;
    }

    /** The gateway's DID, learnt from its acknowledgement. */
    String gatewayDid() {
        return gatewayDid;
    }

    /** Handles one frame; returns true when it is the acknowledgement of this connection's REGISTER. */
    boolean received(String text, Outbox out) {
        Envelope envelope;
        try {
            envelope = codec.parse(text);
        } catch (ProtocolException e) {
            LOG.warn("Echo agent {}: unreadable frame from the gateway ignored: {}", identity.did(), e.getMessage());
            return false;
        }
        SignatureCheck check = verifier.verify(envelope);
        if (!registered) {
            return registration(envelope, check);
        }
        switch (envelope.type()) {
            case EXEC_REQUEST -> {
                if (check.valid()) {
                    out.send(MessageType.EXEC_RESPONSE, envelope.from(), envelope.id(), responder.respond(envelope));
                } else {
                    refuse(envelope, check, out);
                }
            }
            case PING -> {
                if (check.valid()) {
                    ObjectNode pong = codec.objectNode();
                    JsonNode sequence = envelope.payload().get("sequence");
                    if (sequence != null) {
                        pong.set("sequence", sequence);
                    }
                    out.send(MessageType.PONG, envelope.from(), envelope.id(), pong);
                }
            }
            case ERROR -> LOG.info("Echo agent {}: ERROR from {} about {}: {}", identity.did(), envelope.from(),
                    envelope.correlationId(), envelope.payload());
            default -> LOG.debug("Echo agent {}: {} from {} ignored", identity.did(), envelope.type(), envelope.from());
        }
        return false;
    }

    private boolean registration(Envelope envelope, SignatureCheck check) {
        if (envelope.type() == MessageType.REGISTER && registerId.equals(envelope.correlationId()) && check.valid()) {
            registered = true;
            gatewayDid = envelope.from();
            LOG.info("Echo agent {} registered with the gateway {} (capabilities {})", identity.did(), gatewayDid,
                    EchoCapabilities.NAMES);
            return true;
        }
        if (envelope.type() == MessageType.ERROR) {
            LOG.warn("Echo agent {}: registration refused: {}", identity.did(), envelope.payload());
        } else {
            LOG.warn("Echo agent {}: {} before the registration was acknowledged (signature {}): ignored",
                    identity.did(), envelope.type(), check.valid() ? "valid" : check.reason());
        }
        return false;
    }

    /** A request whose signature does not hold is not executed: its sender is told why. */
    private void refuse(Envelope request, SignatureCheck check, Outbox out) {
        LOG.warn("Echo agent {}: {} {} from {} has an invalid signature ({}): refused", identity.did(), request.type(),
                request.id(), request.from(), check.reason());
        ObjectNode error = codec.objectNode();
        error.put("code", ErrorCode.INVALID_SIGNATURE.name());
        error.put("message", "the echo agent could not verify this request's signature");
        error.putObject("details").put("reason", check.reason());
        out.send(MessageType.ERROR, request.from(), request.id(), error);
    }
}
