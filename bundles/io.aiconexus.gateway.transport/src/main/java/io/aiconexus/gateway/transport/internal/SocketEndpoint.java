package io.aiconexus.gateway.transport.internal;

import java.nio.ByteBuffer;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.api.exceptions.WebSocketTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's side of one connection: turns socket events into {@link ConnectionEvent}s. Jetty calls it for one
 * socket one event at a time, and reads the next frame only when the previous call has returned, so a handler
 * that takes its time slows its own connection only.
 *
 * <p>Public because Jetty builds method handles on the endpoint class.
 */
public final class SocketEndpoint implements Session.Listener.AutoDemanding {
    private static final Logger LOG = LoggerFactory.getLogger(SocketEndpoint.class);
    static final int TRY_AGAIN_LATER = StatusCode.TRY_AGAIN_LATER;
    static final String BUSY = "gateway busy, try again";

    private final String id;
    private final Peer peer;
    private final String subprotocol;
    private final ConnectionLimits.Reservation reservation;
    private final EndpointContext context;
    // Jetty calls one socket's listener one event at a time, though not always on the same thread.
    private volatile WebSocketConnection connection;
    private volatile ConnectionEvents inbox;
    // The handler never heard of this connection (buffer full at open): it will not hear of its end either.
    private volatile boolean unannounced;
    private volatile boolean shedding;
    private volatile boolean timedOut;

    SocketEndpoint(String id, Peer peer, String subprotocol, ConnectionLimits.Reservation reservation,
            EndpointContext context) {
        this.id = id;
        this.peer = peer;
        this.subprotocol = subprotocol;
        this.reservation = reservation;
        this.context = context;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        reservation.opened();
        connection = new WebSocketConnection(id, peer, subprotocol, session, context.outboundQueueFrames());
        inbox = new ConnectionEvents(connection);
        context.connections().add(connection);
        LOG.debug("{} opened, subprotocol {}", connection, subprotocol);
        if (!context.dispatcher().offer(inbox, new ConnectionEvent.Opened())) {
            unannounced = true;
            shed();
        }
    }

    @Override
    public void onWebSocketText(String text) {
        connection.heard();
        take(new ConnectionEvent.Text(text));
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        int length = payload.remaining();
        callback.succeed();
        connection.heard();
        take(new ConnectionEvent.Binary(length));
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        connection.heard();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        if (cause instanceof WebSocketTimeoutException) {
            timedOut = true;
        }
        LOG.debug("{}: {}", connection == null ? peer.address() : connection, cause.toString());
    }

    @Override
    public void onWebSocketClose(int code, String reason, Callback callback) {
        try {
            closed(code, reason);
        } finally {
            callback.succeed();
        }
    }

    private void closed(int code, String reason) {
        reservation.release();
        if (connection == null) {
            return;
        }
        context.connections().remove(connection);
        connection.markGone();
        int reportedCode = code;
        String reportedReason = reason == null ? "" : reason;
        OutboundQueue.CloseRequest ours = connection.requestedClose();
        if (connection.abortReason() != null) {
            reportedCode = StatusCode.ABNORMAL;
            reportedReason = connection.abortReason();
        } else if (timedOut) {
            // Nothing arrived and nothing could be written for the whole idle timeout: the peer vanished.
            reportedCode = StatusCode.ABNORMAL;
            reportedReason = "idle timeout: the peer vanished";
        } else if (ours != null && code == ours.code()) {
            // The peer echoed our close, usually without the reason: the handler hears why we closed.
            reportedReason = ours.reason();
        }
        LOG.debug("{} closed: {} {}", connection, reportedCode, reportedReason);
        if (!unannounced) {
            context.dispatcher().offer(inbox, new ConnectionEvent.Closed(reportedCode, reportedReason));
        }
    }

    private void take(ConnectionEvent event) {
        if (unannounced || shedding) {
            return; // closing with 1013 already; what the peer sent meanwhile is not taken
        }
        if (!context.dispatcher().offer(inbox, event)) {
            shedding = true;
            shed();
        }
    }

    private void shed() {
        context.refusals().refused("frame", peer.address(), "no connection handler and the buffer of "
                + context.dispatcher().held() + " held events is full; closing " + TRY_AGAIN_LATER);
        connection.close(TRY_AGAIN_LATER, BUSY);
    }
}
