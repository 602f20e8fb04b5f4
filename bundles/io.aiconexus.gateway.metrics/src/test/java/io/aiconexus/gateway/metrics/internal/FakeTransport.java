package io.aiconexus.gateway.metrics.internal;

import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.aiconexus.gateway.transport.Connection;
import io.aiconexus.gateway.transport.SendResult;
import io.aiconexus.gateway.transport.Transport;

/** A transport whose connections have the outbound queue depths a test sets. */
final class FakeTransport implements Transport {
    final List<Connection> connections = new CopyOnWriteArrayList<>();
    volatile int bufferedEvents;

    Connection connect(int queuedFrames) {
        Connection connection = new QueuedConnection(queuedFrames);
        connections.add(connection);
        return connection;
    }

    @Override
    public URI address() {
        return URI.create("ws://127.0.0.1:1/ws");
    }

    @Override
    public URI httpAddress() {
        return URI.create("http://127.0.0.1:1");
    }

    @Override
    public Collection<Connection> connections() {
        return List.copyOf(connections);
    }

    @Override
    public Optional<Connection> connection(String id) {
        return connections.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    @Override
    public int bufferedEvents() {
        return bufferedEvents;
    }

    private static final class QueuedConnection implements Connection {
        private static final AtomicInteger IDS = new AtomicInteger();
        private final String id = "unit-" + IDS.incrementAndGet();
        private final int queuedFrames;

        QueuedConnection(int queuedFrames) {
            this.queuedFrames = queuedFrames;
        }

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
        public SendResult send(String text) {
            return SendResult.QUEUED;
        }

        @Override
        public int queuedFrames() {
            return queuedFrames;
        }

        @Override
        public void close(int code, String reason) {
        }

        @Override
        public void abort(String reason) {
        }

        @Override
        public boolean isOpen() {
            return true;
        }
    }
}
