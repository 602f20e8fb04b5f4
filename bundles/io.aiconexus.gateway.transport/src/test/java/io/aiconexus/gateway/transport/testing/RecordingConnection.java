package io.aiconexus.gateway.transport.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.aiconexus.gateway.transport.Connection;
import io.aiconexus.gateway.transport.SendResult;

/**
 * A {@link Connection} for the unit tests of the bundles that use the transport (router, registry, monitoring,
 * discovery, metrics): it keeps what is sent to it and how it was closed, and writes nothing anywhere. Shipped in this
 * module's test jar, so that there is one of it.
 */
public final class RecordingConnection implements Connection {
    private static final AtomicInteger IDS = new AtomicInteger();
    private final String id = "unit-" + IDS.incrementAndGet();
    private final Instant openedAt = Instant.now();
    /** The frames sent, in order. */
    public final List<String> sent = new ArrayList<>();
    /** The close code, 0 while open; 1006 after an abort. */
    public volatile int closeCode;
    public volatile String closeReason;
    /** What {@link #queuedFrames()} reports: frames waiting in the outbound queue, as a test sets them. */
    public volatile int queuedFrames;

    @Override
    public String id() {
        return id;
    }

    @Override
    public String remoteAddress() {
        return "127.0.0.1:50000";
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
    public synchronized SendResult send(String text) {
        sent.add(text);
        return SendResult.QUEUED;
    }

    @Override
    public int queuedFrames() {
        return queuedFrames;
    }

    @Override
    public void close(int code, String reason) {
        closeReason = reason;
        closeCode = code;
    }

    @Override
    public void abort(String reason) {
        close(1006, reason);
    }

    @Override
    public boolean isOpen() {
        return closeCode == 0;
    }

    /** The frame sent last, or null. */
    public synchronized String last() {
        return sent.isEmpty() ? null : sent.get(sent.size() - 1);
    }
}
