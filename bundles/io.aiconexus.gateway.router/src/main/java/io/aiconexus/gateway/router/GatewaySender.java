package io.aiconexus.gateway.router;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.protocol.ErrorCode;
import io.aiconexus.gateway.protocol.MessageType;

/**
 * Sends to registered agents outside the handling of a frame: for gateway services that answer
 * later (a timeout, a retry). Registered by the router while it routes.
 */
@ProviderType
public interface GatewaySender {

    /** Queues {@code text} unchanged for the agent registered as {@code did}; false when it is not registered or cannot take it. */
    boolean forward(String did, String text);

    /** Sends a new frame from the gateway, signed by it; false when {@code did} is not registered. */
    boolean send(String did, MessageType type, String correlationId, ObjectNode payload);

    /** Sends an ERROR from the gateway, signed by it; false when {@code did} is not registered. */
    boolean sendError(String did, String correlationId, ErrorCode code, String message, Map<String, Object> details);
}
