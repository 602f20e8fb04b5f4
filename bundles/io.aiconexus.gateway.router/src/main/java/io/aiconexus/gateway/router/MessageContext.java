package io.aiconexus.gateway.router;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.ErrorCode;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.registry.AgentRegistry;
import io.aiconexus.gateway.registry.RegisteredAgent;

/** What a {@link MessageHandler} can see of a frame and do about it. */
@ProviderType
public interface MessageContext {

    Envelope envelope();

    RegisteredAgent sender();

    /** The recipient after routing policies: an agent's DID, or the gateway's DID. */
    String recipient();

    String gatewayDid();

    AgentRegistry registry();

    /**
     * Delivers the frame, unchanged, to the agent registered as {@code did}. When it cannot, the
     * sender is answered (UNKNOWN_AGENT, or OVERLOADED for a recipient whose queue is full, which
     * is then disconnected).
     *
     * @return whether the frame was queued for the recipient
     */
    boolean forward(String did);

    /** Sends the sender a new frame from the gateway, signed by it, with {@code correlation_id} = this frame's id. */
    void reply(MessageType type, ObjectNode payload);

    /** Answers the sender with an ERROR signed by the gateway, {@code correlation_id} = this frame's id. */
    void replyError(ErrorCode code, String message, Map<String, Object> details);

    /** Removes the sender from the registry and closes its connection normally. */
    void unregisterSender();

    /** A new empty object for building payloads. */
    ObjectNode newObject();
}
