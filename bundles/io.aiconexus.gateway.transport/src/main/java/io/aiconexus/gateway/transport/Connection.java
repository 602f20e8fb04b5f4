package io.aiconexus.gateway.transport;

import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One agent connection, as the rest of the gateway sees it. The transport owns it: outbound
 * frames go through a bounded queue, so a slow reader can never make the gateway hold an
 * unbounded backlog.
 */
@ProviderType
public interface Connection {

    /** Unique for the life of the transport, e.g. {@code ws-42}. */
    String id();

    /** {@code host:port} of the peer. */
    String remoteAddress();

    /** The remote host only (for per-address limits). */
    String remoteHost();

    Instant openedAt();

    /** The subprotocol selected at the upgrade, or {@code null} when the client offered none. */
    String subprotocol();

    /**
     * Queues a text frame for this connection without blocking.
     *
     * @return {@link SendResult#QUEUED}, or {@link SendResult#FULL} when the outbound queue is
     *         full (nothing was queued), or {@link SendResult#CLOSED}
     */
    SendResult send(String text);

    /** Frames queued and not yet written to the socket. */
    int queuedFrames();

    /** Closes with a close frame after the frames already queued. */
    void close(int code, String reason);

    /** Closes the socket at once, dropping whatever is queued (a close frame cannot pass a full buffer). */
    void abort(String reason);

    boolean isOpen();
}
