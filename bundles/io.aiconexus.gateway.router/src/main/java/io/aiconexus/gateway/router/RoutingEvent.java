package io.aiconexus.gateway.router;

import java.time.Instant;

import io.aiconexus.gateway.protocol.MessageType;

/**
 * One routing decision.
 *
 * @param time      when it was made
 * @param id        the frame's id
 * @param type      the frame's type
 * @param from      the sender's DID
 * @param to        the frame's {@code to}
 * @param recipient where it went after policies (an agent's DID or the gateway's), or null when refused
 * @param outcome   what happened
 * @param code      for {@link Outcome#REFUSED}, the ERROR code the sender got; else null
 * @param by        the policy or handler that decided, or null
 */
public record RoutingEvent(Instant time, String id, MessageType type, String from, String to, String recipient,
        Outcome outcome, String code, String by) {

    public enum Outcome {
        /** Queued for an agent, or handled by a gateway service. */
        DELIVERED,
        /** Refused by a policy, or not deliverable: the sender got an ERROR with {@code code}. */
        REFUSED
    }
}
