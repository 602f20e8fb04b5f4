package io.aiconexus.gateway.metrics.internal;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import io.aiconexus.gateway.transport.Connection;
import io.aiconexus.gateway.transport.Transport;
import io.aiconexus.gateway.transport.testing.RecordingConnection;

/** A transport whose connections have the outbound queue depths a test sets. */
final class FakeTransport implements Transport {
    final List<Connection> connections = new CopyOnWriteArrayList<>();
    volatile int bufferedEvents;

    Connection connect(int queuedFrames) {
        RecordingConnection connection = new RecordingConnection();
        connection.queuedFrames = queuedFrames;
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
}
