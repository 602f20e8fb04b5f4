package io.aiconexus.gateway.sdk.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One WebSocket to the gateway, the JDK's own (java.net.http), so the SDK needs no server library.
 * Serializes sends (the JDK allows one outstanding send), joins fragmented text, and reports the end
 * of the connection exactly once, whether it was a close frame, an error or an abort.
 */
final class SocketLink implements WebSocket.Listener {
    static final String SUBPROTOCOL = "ioap.v1";

    /** Daemon threads: an agent's client must not keep a JVM alive on its own. */
    private static final ExecutorService IO = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "ioap-sdk-io");
        thread.setDaemon(true);
        return thread;
    });
    private static final HttpClient HTTP = HttpClient.newBuilder().executor(IO).build();

    /** What the link tells its owner. */
    interface Events {
        void text(SocketLink link, String text);

        /** The connection ended: {@code error} is null for a close frame, {@code code} 1006 otherwise. */
        void closed(SocketLink link, int code, String reason, Throwable error);
    }

    private final Events events;
    private final StringBuilder partial = new StringBuilder();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final CompletableFuture<Void> endedFuture = new CompletableFuture<>();
    private volatile WebSocket socket;
    private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null); // guarded by this

    private SocketLink(Events events) {
        this.events = events;
    }

    /** Opens a WebSocket to {@code uri} offering {@code ioap.v1}; completes when the upgrade succeeded. */
    static CompletableFuture<SocketLink> open(URI uri, Duration timeout, Events events) {
        SocketLink link = new SocketLink(events);
        return HTTP.newWebSocketBuilder()
                .connectTimeout(timeout)
                .subprotocols(SUBPROTOCOL)
                .buildAsync(uri, link)
                .thenApply(socket -> {
                    link.socket = socket;
                    return link;
                });
    }

    /** Sends one text frame after those sent before; a failed write aborts the connection. */
    synchronized CompletableFuture<Void> send(String text) {
        CompletableFuture<Void> sent = lastSend.handle((ignored, error) -> null)
                .thenCompose(ignored -> socket.sendText(text, true))
                .thenApply(ignored -> (Void) null);
        sent.whenComplete((ignored, error) -> {
            if (error != null) {
                abort();
            }
        });
        lastSend = sent;
        return sent;
    }

    /** Sends a close frame after the pending sends; completes when the connection has ended. */
    synchronized CompletableFuture<Void> close(int code, String reason) {
        lastSend.handle((ignored, error) -> null).thenCompose(ignored -> socket.sendClose(code, reason));
        return endedFuture;
    }

    /** Drops the TCP connection at once. */
    void abort() {
        WebSocket current = socket;
        if (current != null) {
            current.abort();
        }
        end(1006, "aborted", null);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            events.text(this, text);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        end(statusCode, reason, null);
        // returning null lets the JDK answer the close frame with the same code
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        end(1006, error.getMessage(), error);
    }

    private void end(int code, String reason, Throwable error) {
        if (ended.compareAndSet(false, true)) {
            events.closed(this, code, reason == null ? "" : reason, error);
            endedFuture.complete(null);
        }
    }
}
