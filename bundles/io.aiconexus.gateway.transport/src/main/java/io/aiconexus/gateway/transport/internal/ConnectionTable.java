package io.aiconexus.gateway.transport.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/** The open connections by id, and the ids: {@code ws-N}, unique for the life of the transport. */
final class ConnectionTable {
    private final ConcurrentHashMap<String, WebSocketConnection> open = new ConcurrentHashMap<>();
    private final AtomicLong lastId = new AtomicLong();

    String nextId() {
        return "ws-" + lastId.incrementAndGet();
    }

    // Set while the server stops: a socket that finishes its upgrade meanwhile is closed as soon as it is added.
    private volatile OutboundQueue.CloseRequest closingAll;

    void add(WebSocketConnection connection) {
        open.put(connection.id(), connection);
        OutboundQueue.CloseRequest closing = closingAll;
        if (closing != null) {
            connection.close(closing.code(), closing.reason());
        }
    }

    /** Closes every connection, and every one added from now on until {@link #reopen()}; returns how many. */
    int closeAll(int code, String reason) {
        closingAll = new OutboundQueue.CloseRequest(code, reason);
        List<WebSocketConnection> closing = snapshot();
        for (WebSocketConnection connection : closing) {
            connection.close(code, reason);
        }
        return closing.size();
    }

    void reopen() {
        closingAll = null;
    }

    void remove(WebSocketConnection connection) {
        open.remove(connection.id(), connection);
    }

    Optional<WebSocketConnection> get(String id) {
        return Optional.ofNullable(open.get(id));
    }

    List<WebSocketConnection> snapshot() {
        return List.copyOf(open.values());
    }

    int size() {
        return open.size();
    }

    /**
     * Waits until every connection open now has closed, or the grace is over.
     *
     * @return true when all closed in time
     */
    boolean awaitAllGone(Duration grace) throws InterruptedException {
        CompletableFuture<?>[] gone = snapshot().stream().map(WebSocketConnection::gone)
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(gone).get(grace.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a connection's close future failed", e);
        }
    }
}
