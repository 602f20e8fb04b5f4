package io.aiconexus.gateway.router;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Decides whether a frame from one agent may go where it is addressed. Registered as a
 * whiteboard service; the router asks every policy in order of service ranking (highest
 * first) until one denies or redirects. A policy that throws denies the frame with
 * INTERNAL_ERROR: policies fail closed.
 */
@ConsumerType
public interface RoutingPolicy {

    /** Service property: a short name shown by the console and the shell. */
    String NAME = "ioap.policy.name";

    RoutingDecision decide(RoutingRequest request);
}
