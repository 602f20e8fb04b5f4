package io.aiconexus.gateway.registry.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.aiconexus.gateway.transport.Connection;
import io.aiconexus.gateway.transport.SendResult;

/** A connection that records what the registry does to it. */
final class RecordingConnection implements Connection {
    private static int counter;
    private final String id = "test-" + (++counter);
    private final Instant openedAt = Instant.now();
    final List<String> sent = new ArrayList<>();
    int closeCode;
    String closeReason;

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
        closeReason = reason;
    }

    @Override
    public void abort(String reason) {
        close(1006, reason);
    }

    @Override
    public boolean isOpen() {
        return closeCode == 0;
    }
}
