package io.aiconexus.gateway.router;

import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.registry.RegisteredAgent;

/**
 * A verified frame about to be routed.
 *
 * @param envelope  the frame
 * @param sender    the registered agent that sent it
 * @param recipient where it goes: the recipient DID, or the gateway's DID for frames to the gateway
 * @param toGateway whether {@code recipient} is the gateway itself
 */
public record RoutingRequest(Envelope envelope, RegisteredAgent sender, String recipient, boolean toGateway) {
}
