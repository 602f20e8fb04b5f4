package io.aiconexus.gateway.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.aiconexus.gateway.transport.Connection;
import io.aiconexus.gateway.transport.ConnectionHandler;

/**
 * A handler that writes down what it is told, per connection, as {@code opened}, {@code text:T},
 * {@code binary:N}, {@code closed:CODE:REASON}, and notices overlapping calls for one connection.
 */
class RecordingHandler implements ConnectionHandler {
    final BlockingQueue<Connection> opened = new LinkedBlockingQueue<>();
    final BlockingQueue<String> closed = new LinkedBlockingQueue<>();
    private final Map<String, List<String>> events = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inside = new ConcurrentHashMap<>();
    private final Map<String, BlockingQueue<String>> streams = new ConcurrentHashMap<>();
    final AtomicInteger overlaps = new AtomicInteger();

    @Override
    public void opened(Connection connection) {
        record(connection, "opened");
        opened.add(connection);
    }

    @Override
    public void text(Connection connection, String text) {
        record(connection, "text:" + text);
    }

    @Override
    public void binary(Connection connection, int length) {
        record(connection, "binary:" + length);
    }

    @Override
    public void closed(Connection connection, int code, String reason) {
        record(connection, "closed:" + code + ":" + reason);
        closed.add(connection.id() + ":" + code);
    }

    /** Hook for subclasses that block or count: runs inside the handler call. */
    void during(Connection connection, String event) {
    }

    private void record(Connection connection, String event) {
        AtomicInteger calls = inside.computeIfAbsent(connection.id(), id -> new AtomicInteger());
        if (calls.incrementAndGet() > 1) {
            overlaps.incrementAndGet();
        }
        try {
            during(connection, event);
            events.computeIfAbsent(connection.id(), id -> new CopyOnWriteArrayList<>()).add(event);
            stream(connection.id()).add(event);
        } finally {
            calls.decrementAndGet();
        }
    }

    private BlockingQueue<String> stream(String id) {
        return streams.computeIfAbsent(id, key -> new LinkedBlockingQueue<>());
    }

    Connection nextOpened() throws InterruptedException {
        Connection connection = opened.poll(10, TimeUnit.SECONDS);
        assertNotNull(connection, "no connection opened within 10 s");
        return connection;
    }

    /** The next event of that connection, waiting up to 10 s. */
    String next(String connectionId) throws InterruptedException {
        String event = stream(connectionId).poll(10, TimeUnit.SECONDS);
        assertNotNull(event, "no further event for " + connectionId + " within 10 s");
        return event;
    }

    void expect(String connectionId, String... expected) throws InterruptedException {
        for (String event : expected) {
            assertEquals(event, next(connectionId));
        }
    }

    List<String> events(String connectionId) {
        return List.copyOf(events.getOrDefault(connectionId, List.of()));
    }
}
