package io.aiconexus.gateway.router.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.identity.DidKey;
import io.aiconexus.gateway.identity.DidKeys;
import io.aiconexus.gateway.identity.InvalidDidException;
import io.aiconexus.gateway.mailbox.Mailboxes;
import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.EnvelopeCodec;
import io.aiconexus.gateway.protocol.ErrorCode;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.protocol.ProtocolException;
import io.aiconexus.gateway.protocol.payload.Capability;
import io.aiconexus.gateway.protocol.payload.RegisterPayload;
import io.aiconexus.gateway.registry.AgentRegistry;
import io.aiconexus.gateway.registry.RegisteredAgent;
import io.aiconexus.gateway.transport.Connection;
import io.aiconexus.gateway.transport.SendResult;
import io.aiconexus.gateway.verification.FrameVerifier;
import io.aiconexus.gateway.verification.Verdict;

/** The session rules of PROTOCOL.md section 5: REGISTER first, takeover, re-registration. */
final class Registrar {
    private static final Logger LOG = LoggerFactory.getLogger(Registrar.class);
    static final int POLICY_VIOLATION = 1008;

    private final EnvelopeCodec codec;
    private final DidKeys didKeys;
    private final FrameVerifier verifier;
    private final AgentRegistry registry;
    private final GatewayMessenger messenger;

    Registrar(EnvelopeCodec codec, DidKeys didKeys, FrameVerifier verifier, AgentRegistry registry,
            GatewayMessenger messenger) {
        this.codec = codec;
        this.didKeys = didKeys;
        this.verifier = verifier;
        this.registry = registry;
        this.messenger = messenger;
    }

    /** The first frame on a connection: a valid REGISTER registers it, anything else closes it. */
    void firstFrame(Connection connection, Envelope envelope) {
        try {
            if (envelope.type() != MessageType.REGISTER) {
                throw new Refusal(ErrorCode.CONNECTION_REFUSED, "the first frame must be REGISTER, not " + envelope.type(),
                        Map.of("reason", "not_registered"));
            }
            DidKey key = decode(envelope.from());
            RegisterPayload payload = checkedPayload(envelope, key);
            verify(envelope, key);
            Optional<RegisteredAgent> replaced = registry.register(connection, key, capabilities(payload),
                    metadata(payload));
            RegisteredAgent agent = registry.byConnection(connection).orElseThrow();
            messenger.metrics().registration();
            LOG.info("Agent {} registered ({} DID)", agent, key.encoding().name().toLowerCase());
            replaced.ifPresent(this::evict);
            acknowledge(connection, envelope);
            deliverMailbox(agent);
        } catch (Refusal refusal) {
            LOG.warn("Refused {} from {} ({}): {}", envelope.type(), connection.remoteAddress(), envelope.from(),
                    refusal.getMessage());
            messenger.error(connection, envelope.from(), envelope.id(), refusal.code, refusal.getMessage(), refusal.details);
            connection.close(POLICY_VIOLATION, "registration refused");
        }
    }

    /** Frames kept while the agent was away go first, in order, before anything newer. */
    private void deliverMailbox(RegisteredAgent agent) {
        Mailboxes mailboxes = messenger.mailboxes();
        if (mailboxes == null || !mailboxes.isOpen(agent.did())) {
            return;
        }
        mailboxes.deliver(agent.did(), frame -> {
            if (agent.connection().send(frame.text()) == SendResult.QUEUED) {
                registry.frameSent(agent);
            } else {
                messenger.error(agent.connection(), agent.did(), null, ErrorCode.OVERLOADED,
                        "a kept frame could not be queued", Map.of("id", frame.id()));
            }
        });
    }

    /** A REGISTER on a registered connection, already verified: replaces capabilities and metadata, acked again. */
    void reRegister(RegisteredAgent agent, Envelope envelope) {
        try {
            RegisterPayload payload = checkedPayload(envelope, agent.key());
            registry.register(agent.connection(), agent.key(), capabilities(payload), metadata(payload));
            acknowledge(agent.connection(), envelope);
        } catch (Refusal refusal) {
            messenger.error(agent.connection(), agent.did(), envelope.id(), refusal.code, refusal.getMessage(),
                    refusal.details);
        }
    }

    private RegisterPayload checkedPayload(Envelope envelope, DidKey key) throws Refusal {
        String to = envelope.to();
        if (!to.equals(envelope.from()) && !messenger.isGateway(to)) {
            throw new Refusal(ErrorCode.MALFORMED_MESSAGE, "REGISTER goes to your own DID or to the gateway",
                    Map.of("field", "to"));
        }
        RegisterPayload payload;
        try {
            payload = codec.payload(envelope, RegisterPayload.class);
        } catch (ProtocolException e) {
            throw new Refusal(e.code(), e.getMessage(), e.details());
        }
        if (payload.publicKey() != null && !payload.publicKey().equals(didKeys.base58(key.publicKey()))) {
            messenger.metrics().verificationFailure("key_mismatch");
            throw new Refusal(ErrorCode.INVALID_SIGNATURE, "payload.public_key is not the key of the DID in from",
                    Map.of("reason", "key_mismatch", "field", "payload.public_key"));
        }
        return payload;
    }

    private void verify(Envelope envelope, DidKey key) throws Refusal {
        long verifying = System.nanoTime();
        Verdict verdict = verifier.verify(envelope, key);
        messenger.metrics().verified(System.nanoTime() - verifying);
        if (verdict.failure() != null) {
            messenger.metrics().verificationFailure(verdict.failure().reason());
        }
        if (!verdict.accepted()) {
            throw new Refusal(ErrorCode.INVALID_SIGNATURE, verdict.detail(), Map.of("reason", verdict.failure().reason()));
        }
    }

    private DidKey decode(String did) throws Refusal {
        try {
            return didKeys.decode(did);
        } catch (InvalidDidException e) {
            throw new Refusal(ErrorCode.MALFORMED_MESSAGE, "from is not an Ed25519 did:key: " + e.getMessage(),
                    Map.of("field", "from"));
        }
    }

    private void acknowledge(Connection connection, Envelope register) {
        ObjectNode payload = messenger.newObject();
        payload.put("public_key", messenger.gatewayPublicKey());
        payload.put("status", "registered");
        messenger.send(connection, MessageType.REGISTER, register.from(), register.id(), payload);
    }

    private void evict(RegisteredAgent previous) {
        LOG.info("Agent {} taken over by a new connection: closing the old one", previous);
        messenger.error(previous.connection(), previous.did(), null, ErrorCode.CONNECTION_REFUSED,
                "this DID registered on another connection", Map.of("reason", "replaced"));
        previous.connection().close(POLICY_VIOLATION, "replaced by a new connection");
    }

    private static List<Capability> capabilities(RegisterPayload payload) {
        return payload.capabilities() == null ? List.of() : payload.capabilities();
    }

    private ObjectNode metadata(RegisterPayload payload) {
        return payload.metadata() == null ? messenger.newObject() : payload.metadata();
    }

    /** Why a registration is refused: the ERROR the client gets. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final transient ErrorCode code;
        final transient Map<String, Object> details;

        Refusal(ErrorCode code, String message, Map<String, Object> details) {
            super(message, null, false, false);
            this.code = code;
            this.details = details;
        }
    }
}
