package io.aiconexus.gateway.discovery.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.aiconexus.gateway.transport.Connection;
import io.aiconexus.gateway.transport.SendResult;

/** A connection that keeps what the router sends it. */
final class RecordingConnection implements Connection {
    private static final AtomicInteger IDS = new AtomicInteger();
    private final String id = "unit-" + IDS.incrementAndGet();
    final List<String> sent = new ArrayList<>();
    int closeCode;

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
        return Instant.EPOCH;
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
        return 0;
    }

    @Override
    public void close(int code, String reason) {
        closeCode = code;
    }

    @Override
    public void abort(String reason) {
        closeCode = 1006;
    }

    @Override
    public boolean isOpen() {
        return closeCode == 0;
    }

    synchronized String last() {
        return sent.isEmpty() ? null : sent.get(sent.size() - 1);
    }
}
