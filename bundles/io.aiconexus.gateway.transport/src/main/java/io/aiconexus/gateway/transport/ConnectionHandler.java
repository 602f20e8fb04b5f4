package io.aiconexus.gateway.transport;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives what happens on connections: the router is one. The transport uses the
 * highest-ranked handler service. While there is none (the router being updated, say), the
 * transport keeps each connection's events in order in a bounded buffer and hands them to the
 * next handler that appears, {@link #opened} first.
 *
 * <p>Calls for one connection never overlap and come in the order the events happened.
 */
@ConsumerType
public interface ConnectionHandler {

    void opened(Connection connection);

    /** One text frame, already checked to be valid UTF-8. */
    void text(Connection connection, String text);

    /** One binary frame: not part of IoAP (the handler answers MALFORMED_MESSAGE). */
    void binary(Connection connection, int length);

    /** The connection is gone; {@code code} is the close code (1006 when the peer just vanished). */
    void closed(Connection connection, int code, String reason);
}
