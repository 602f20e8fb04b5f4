package io.aiconexus.gateway.bench;

import java.time.Instant;

import io.aiconexus.gateway.transport.Connection;
import io.aiconexus.gateway.transport.SendResult;

/**
 * A connection that writes nothing: it counts what the gateway queues on it and keeps the last frame,
 * so a benchmark measures the gateway's work up to the transport and can check what was sent.
 * Meant for one benchmark thread (JMH runs one per fork here).
 */
public final class CountingConnection implements Connection {
    private final String id;
    private final Instant openedAt = Instant.now();
    private long sent;
    private String last;
    private boolean open = true;

    public CountingConnection(String id) {
        this.id = id;
    }

    /** Frames queued on this connection so far. */
    public long sent() {
        return sent;
    }

    /** The last frame queued, or null. */
    public String last() {
        return last;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String remoteAddress() {
        return "127.0.0.1:40000";
    }

    @Override
    public String remoteHost() {
        return "127.0.0.1";
    }

    @Override
    public Instant openedAt() {
        return openedAt;
    }

    @Override
    public String subprotocol() {
        return "ioap.v1";
    }

    @Override
    public SendResult send(String text) {
        if (!open) {
            return SendResult.CLOSED;
        }
        sent++;
        last = text;
        return SendResult.QUEUED;
    }

    @Override
    public int queuedFrames() {
        return 0;
    }

    @Override
    public void close(int code, String reason) {
        open = false;
    }

    @Override
    public void abort(String reason) {
        open = false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }
}
