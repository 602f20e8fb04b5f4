package io.aiconexus.gateway.transport.internal;

import java.util.ArrayDeque;

import io.aiconexus.gateway.transport.Connection;

/**
 * One connection's events on their way to the handler. Whoever finds the inbox idle drains it; everyone else only
 * appends. So events reach the handler in order and one at a time, even when a handler call makes Jetty report
 * another event on the same thread (a handler that aborts the connection it is handling, say).
 */
final class ConnectionEvents {
    private final Connection connection;
    // Both guarded by this.
    private final ArrayDeque<ConnectionEvent> pending = new ArrayDeque<>();
    private boolean draining;

    ConnectionEvents(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    /** Appends; true when the caller must now drain (nobody else is). */
    synchronized boolean append(ConnectionEvent event) {
        pending.addLast(event);
        if (draining) {
            return false;
        }
        draining = true;
        return true;
    }

    /** Claims the drain of held events; false when there are none or another thread drains already. */
    synchronized boolean claim() {
        if (draining || pending.isEmpty()) {
            return false;
        }
        draining = true;
        return true;
    }

    /** The next event for the draining thread, or {@code null} when it is done (and the inbox idle again). */
    synchronized ConnectionEvent next() {
        ConnectionEvent next = pending.pollFirst();
        if (next == null) {
            draining = false;
        }
        return next;
    }

    /** The draining thread stops with events left over: no handler to give them to. */
    synchronized void park() {
        draining = false;
    }

    synchronized int size() {
        return pending.size();
    }

    /** Forgets the held events (the transport stops with no handler to give them to); returns how many. */
    synchronized int discard() {
        int dropped = pending.size();
        pending.clear();
        return dropped;
    }
}
