package io.aiconexus.gateway.router;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Acts on a verified, policy-approved frame. Registered as a whiteboard service with
 * {@link #TARGET} and optionally {@link #TYPES}; for each frame the router offers it to the
 * matching handlers in order of service ranking (highest first) until one handles it. The
 * router's own behaviour (delivery to agents, PING, UNREGISTER) is made of such handlers at
 * ranking 0, so a handler with a higher ranking replaces it.
 */
@ConsumerType
public interface MessageHandler {

    /** Service property: {@value #TARGET_GATEWAY} for frames addressed to the gateway, {@value #TARGET_AGENT} for frames to another agent. */
    String TARGET = "ioap.handler.target";

    String TARGET_GATEWAY = "gateway";

    String TARGET_AGENT = "agent";

    /** Service property (String+): the message types handled; absent means every type. */
    String TYPES = "ioap.handler.types";

    /** Service property: a short name shown by the console and the shell. */
    String NAME = "ioap.handler.name";

    /**
     * Handles the frame, or declines it.
     *
     * @return true when handled (no further handler sees it), false to pass it on
     */
    boolean handle(MessageContext context);
}
