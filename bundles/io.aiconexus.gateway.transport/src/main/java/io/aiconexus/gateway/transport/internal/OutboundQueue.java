package io.aiconexus.gateway.transport.internal;

import java.util.ArrayDeque;
import java.util.function.IntSupplier;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.aiconexus.gateway.transport.SendResult;

/**
 * The frames waiting for one socket, written one at a time in the order they were queued. At most one write is
 * in flight, so a peer that stops reading holds at most {@code capacity} frames here, never an unbounded backlog in
 * Jetty, and {@link #offer} can answer FULL at once instead of blocking the sender.
 */
final class OutboundQueue {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundQueue.class);

    private enum State { OPEN, CLOSING, CLOSED }

    private final Session session;
    private final IntSupplier capacity;
    private final Object lock = new Object();
    private final Callback written = Callback.from(this::onWritten, this::onFailed);

    // All guarded by lock. The head of frames is the frame being written.
    private final ArrayDeque<String> frames = new ArrayDeque<>();
    private State state = State.OPEN;
    private int closeCode;
    private String closeReason;
    private boolean writing;
    // Jetty may complete a write before sendText returns; the pump then loops instead of recursing, so 10,000
    // small frames cannot overflow the stack.
    private boolean inSendCall;
    private boolean completedInCall;

    OutboundQueue(Session session, IntSupplier capacity) {
        this.session = session;
        this.capacity = capacity;
    }

    SendResult offer(String text) {
        synchronized (lock) {
            if (state != State.OPEN) {
                return SendResult.CLOSED;
            }
            if (frames.size() >= capacity.getAsInt()) {
                return SendResult.FULL;
            }
            frames.addLast(text);
            if (writing) {
                return SendResult.QUEUED;
            }
            writing = true;
        }
        pump();
        return SendResult.QUEUED;
    }

    int size() {
        synchronized (lock) {
            return frames.size();
        }
    }

    boolean isOpen() {
        synchronized (lock) {
            return state == State.OPEN;
        }
    }

    /** Sends the close frame after the queued frames; nothing can be queued after it. */
    void close(int code, String reason) {
        boolean closeNow;
        synchronized (lock) {
            if (state != State.OPEN) {
                return;
            }
            state = State.CLOSING;
            closeCode = code;
            closeReason = reason;
            closeNow = !writing;
        }
        if (closeNow) {
            session.close(code, reason, Callback.NOOP);
        }
    }

    /** The close this side asked for, or {@code null}: it, not the peer's echo of it, says why the socket ended. */
    CloseRequest requestedClose() {
        synchronized (lock) {
            return state == State.OPEN || closeReason == null ? null : new CloseRequest(closeCode, closeReason);
        }
    }

    record CloseRequest(int code, String reason) {
    }

    /** Drops the queued frames; the caller drops the socket. */
    void abort() {
        synchronized (lock) {
            state = State.CLOSED;
            frames.clear();
        }
    }

    private void pump() {
        while (true) {
            String next;
            synchronized (lock) {
                next = state == State.CLOSED ? null : frames.peekFirst();
                if (next == null) {
                    writing = false;
                    if (state != State.CLOSING) {
                        return;
                    }
                }
                inSendCall = next != null;
            }
            if (next == null) {
                // The queue drained while closing: the close frame goes last, exactly once (no frame can be
                // queued in CLOSING, so the pump never runs again).
                session.close(closeCode, closeReason, Callback.NOOP);
                return;
            }
            session.sendText(next, written);
            synchronized (lock) {
                inSendCall = false;
                if (!completedInCall) {
                    return;
                }
                completedInCall = false;
            }
        }
    }

    private void onWritten() {
        synchronized (lock) {
            frames.pollFirst();
            if (inSendCall) {
                completedInCall = true;
                return;
            }
        }
        pump();
    }

    private void onFailed(Throwable failure) {
        synchronized (lock) {
            state = State.CLOSED;
            frames.clear();
            writing = false;
        }
        // The socket is broken or closing; Jetty reports the close to the endpoint, which tells the handler.
        LOG.debug("write to {} failed: {}", session.getRemoteSocketAddress(), failure.toString());
    }
}
