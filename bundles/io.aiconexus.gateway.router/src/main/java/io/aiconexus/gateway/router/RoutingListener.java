package io.aiconexus.gateway.router;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of every routing decision, after it is made: an audit log, a statistics collector. A
 * whiteboard service; called on the frame path, so it must return quickly (hand the event to
 * a queue of its own). A listener that throws is logged and the frame is not affected.
 */
@ConsumerType
public interface RoutingListener {

    void routed(RoutingEvent event);
}
