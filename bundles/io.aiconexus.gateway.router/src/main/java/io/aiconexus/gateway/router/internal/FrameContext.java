package io.aiconexus.gateway.router.internal;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.mailbox.Mailboxes;
import io.aiconexus.gateway.mailbox.StoredFrame;
import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.ErrorCode;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.registry.AgentRegistry;
import io.aiconexus.gateway.registry.RegisteredAgent;
import io.aiconexus.gateway.router.MessageContext;
import io.aiconexus.gateway.transport.Connection;
import io.aiconexus.gateway.transport.SendResult;

/** One frame on its way through the handlers. */
final class FrameContext implements MessageContext {
    private static final Logger LOG = LoggerFactory.getLogger(FrameContext.class);

    private final Envelope envelope;
    private final RegisteredAgent sender;
    private final String recipient;
    private final long arrivedNanos;
    private final AgentRegistry registry;
    private final GatewayMessenger messenger;
    private ErrorCode refusal;

    FrameContext(Envelope envelope, RegisteredAgent sender, String recipient, long arrivedNanos, AgentRegistry registry,
            GatewayMessenger messenger) {
        this.envelope = envelope;
        this.sender = sender;
        this.recipient = recipient;
        this.arrivedNanos = arrivedNanos;
        this.registry = registry;
        this.messenger = messenger;
    }

    @Override
    public Envelope envelope() {
        return envelope;
    }

    @Override
    public RegisteredAgent sender() {
        return sender;
    }

    @Override
    public String recipient() {
        return recipient;
    }

    @Override
    public String gatewayDid() {
        return messenger.gatewayDid();
    }

    @Override
    public AgentRegistry registry() {
        return registry;
    }

    @Override
    public boolean forward(String did) {
        Mailboxes mailboxes = messenger.mailboxes();
        if (mailboxes != null && mailboxes.isOpen(did)) {
            Mailboxes.Offer offer = mailboxes.offer(did, new StoredFrame(envelope.from(), envelope.id(), envelope.text()));
            if (offer == Mailboxes.Offer.STORED) {
                messenger.metrics().routed(System.nanoTime() - arrivedNanos);
                return true;
            }
            if (offer == Mailboxes.Offer.FULL) {
                replyError(ErrorCode.OVERLOADED, "agent " + did + " is away and its mailbox is full", Map.of("to", did));
                return false;
            }
        }
        RegisteredAgent target = registry.byDid(did).orElse(null);
        if (target == null) {
            replyError(ErrorCode.UNKNOWN_AGENT, "no agent " + did + " is registered", Map.of("to", did));
            return false;
        }
        Connection connection = target.connection();
        SendResult result = connection.send(envelope.text());
        switch (result) {
            case QUEUED -> {
                registry.frameSent(target);
                messenger.metrics().frameOut(envelope.type());
                messenger.metrics().routed(System.nanoTime() - arrivedNanos);
                return true;
            }
            case FULL -> {
                LOG.warn("Outbound queue of {} is full: {} answered OVERLOADED, the stuck agent is disconnected",
                        target, envelope.from());
                replyError(ErrorCode.OVERLOADED, "the recipient is not reading its frames", Map.of("to", did));
                registry.unregister(did, connection);
                connection.abort("outbound queue full");
                return false;
            }
            default -> {
                replyError(ErrorCode.UNKNOWN_AGENT, "agent " + did + " has disconnected", Map.of("to", did));
                return false;
            }
        }
    }

    @Override
    public void reply(MessageType type, ObjectNode payload) {
        messenger.send(sender.connection(), type, sender.did(), envelope.id(), payload);
    }

    /** The ERROR code the sender got from a handler, if any: for routing listeners. */
    ErrorCode refusal() {
        return refusal;
    }

    @Override
    public void replyError(ErrorCode code, String message, Map<String, Object> details) {
        refusal = code;
        messenger.error(sender.connection(), sender.did(), envelope.id(), code, message, details);
    }

    @Override
    public void unregisterSender() {
        if (registry.unregister(sender.did(), sender.connection())) {
            LOG.info("Agent {} unregistered", sender);
        }
        sender.connection().close(1000, "unregistered");
    }

    @Override
    public ObjectNode newObject() {
        return messenger.newObject();
    }
}
