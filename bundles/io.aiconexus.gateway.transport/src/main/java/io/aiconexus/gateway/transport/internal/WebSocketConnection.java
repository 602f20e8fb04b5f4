package io.aiconexus.gateway.transport.internal;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntSupplier;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.aiconexus.gateway.transport.Connection;
import io.aiconexus.gateway.transport.SendResult;

/** One open WebSocket, as the rest of the gateway sees it. */
final class WebSocketConnection implements Connection {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketConnection.class);
    private static final ByteBuffer NO_PAYLOAD = ByteBuffer.allocate(0);

    private final String id;
    private final Peer peer;
    private final String subprotocol;
    private final Instant openedAt = Instant.now();
    private final Session session;
    private final OutboundQueue outbound;
    private final CompletableFuture<Void> gone = new CompletableFuture<>();
    private volatile long lastHeardNanos = System.nanoTime();
    // Set when we drop the socket ourselves: the handler then hears 1006 and why, not whatever Jetty makes of it.
    private volatile String abortReason;

    WebSocketConnection(String id, Peer peer, String subprotocol, Session session, IntSupplier queueCapacity) {
        this.id = id;
        this.peer = peer;
        this.subprotocol = subprotocol;
        this.session = session;
        this.outbound = new OutboundQueue(session, queueCapacity);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String remoteAddress() {
        return peer.address();
    }

    @Override
    public String remoteHost() {
        return peer.host();
    }

    @Override
    public Instant openedAt() {
        return openedAt;
    }

    @Override
    public String subprotocol() {
        return subprotocol;
    }

    @Override
    public SendResult send(String text) {
        return outbound.offer(text);
    }

    @Override
    public int queuedFrames() {
        return outbound.size();
    }

    @Override
    public void close(int code, String reason) {
        outbound.close(code, reason == null ? "" : reason);
    }

    @Override
    public void abort(String reason) {
        if (abortReason == null) {
            abortReason = reason;
        }
        LOG.debug("aborting {} ({}): {}", id, peer.address(), reason);
        outbound.abort();
        session.disconnect();
    }

    @Override
    public boolean isOpen() {
        return outbound.isOpen() && session.isOpen() && !gone.isDone();
    }

    void heard() {
        lastHeardNanos = System.nanoTime();
    }

    boolean silentLongerThan(Duration limit, long nowNanos) {
        return nowNanos - lastHeardNanos > limit.toNanos();
    }

    void ping() {
        if (session.isOpen()) {
            session.sendPing(NO_PAYLOAD.duplicate(), Callback.NOOP);
        }
    }

    /** Why we dropped the socket, or {@code null} when we did not. */
    String abortReason() {
        return abortReason;
    }

    /** The close we asked for, or {@code null} when the peer (or Jetty) closed first. */
    OutboundQueue.CloseRequest requestedClose() {
        return outbound.requestedClose();
    }

    /** The socket is closed; queued frames will never be written. */
    void markGone() {
        outbound.abort();
        gone.complete(null);
    }

    CompletableFuture<Void> gone() {
        return gone;
    }

    Session session() {
        return session;
    }

    @Override
    public String toString() {
        return id + " (" + peer.address() + ")";
    }
}
