package io.aiconexus.gateway.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import io.aiconexus.gateway.identity.AgentIdentity;

/**
 * One agent on a JDK WebSocket. Frames it receives go to an {@link Inbox}; frames it sends are
 * queued and written one at a time (the JDK client refuses a send while one is pending), so any
 * thread may send without waiting.
 */
final class LoadAgent implements WebSocket.Listener {

    /** Receives the agent's frames, in arrival order per agent. */
    interface Inbox {
        void frame(LoadAgent agent, String text);

        void closed(LoadAgent agent, int code, String reason);
    }

    final int index;
    final AgentIdentity identity;
    /** The REGISTER this agent sends, signed before the join so that joining measures the gateway, not signing. */
    volatile String registerFrame;
    volatile String registerId;
    final CompletableFuture<Void> registered = new CompletableFuture<>();

    private final Inbox inbox;
    private final Executor sendExecutor;
    private final StringBuilder partial = new StringBuilder();
    private final ConcurrentLinkedQueue<String> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sending = new AtomicBoolean();
    private volatile WebSocket socket;
    private volatile boolean open;

    LoadAgent(int index, AgentIdentity identity, Inbox inbox, Executor sendExecutor) {
        this.index = index;
        this.identity = identity;
        this.inbox = inbox;
        this.sendExecutor = sendExecutor;
    }

    String did() {
        return identity.did();
    }

    boolean isOpen() {
        return open;
    }

    CompletableFuture<WebSocket> connect(HttpClient http, URI uri) {
        return http.newWebSocketBuilder().subprotocols("ioap.v1").connectTimeout(Duration.ofSeconds(30))
                .buildAsync(uri, this);
    }

    /** Queues {@code text}; written after the frames queued before it. */
    void send(String text) {
        outbox.add(text);
        pump();
    }

    /** A close frame (1000), then the socket is dropped. */
    CompletableFuture<?> close() {
        WebSocket current = socket;
        if (current == null || current.isOutputClosed()) {
            return CompletableFuture.completedFuture(null);
        }
        return current.sendClose(WebSocket.NORMAL_CLOSURE, "load run over").handle((ws, error) -> {
            current.abort();
            return null;
        });
    }

    private void pump() {
        WebSocket current = socket;
        if (current == null || !sending.compareAndSet(false, true)) {
            return;
        }
        String next = outbox.poll();
        if (next == null) {
            sending.set(false);
            // a frame queued between poll and release would otherwise wait for the next send
            if (!outbox.isEmpty()) {
                pump();
            }
            return;
        }
        // completion runs on the executor, never inline, so a long queue cannot grow the stack
        current.sendText(next, true).whenCompleteAsync((ws, error) -> {
            sending.set(false);
            if (error != null) {
                open = false;
                inbox.closed(this, 1006, "send failed: " + error);
                return;
            }
            pump();
        }, sendExecutor);
    }

    /** The socket is usable: frames queued before it opened are written now. */
    void attach(WebSocket webSocket) {
        socket = webSocket;
        open = true;
        pump();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
        attach(webSocket);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (last && partial.length() == 0) {
            inbox.frame(this, data.toString());
        } else {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                inbox.frame(this, text);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        open = false;
        inbox.closed(this, statusCode, reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        open = false;
        inbox.closed(this, 1006, String.valueOf(error));
    }

    /** A caller and its callee. */
    record Pair(int index, LoadAgent caller, LoadAgent callee) {
    }
}
