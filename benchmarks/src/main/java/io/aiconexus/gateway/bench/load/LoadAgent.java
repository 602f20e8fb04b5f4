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
 * One agent on a JDK WebSocket, whatever the server under test: the gateway ({@link GatewayAgent}) or
 * nats-server ({@link NatsAgent}). Envelopes it receives go to an {@link Inbox}; frames it sends are
 * queued and written one at a time (the JDK client refuses a send while one is pending), so any
 * thread may send without waiting. Subclasses say how an envelope is framed and how a join is
 * acknowledged.
 */
abstract class LoadAgent implements WebSocket.Listener {

    /** Receives the agent's envelopes, in arrival order per agent. */
    interface Inbox {
        void frame(LoadAgent agent, String envelope);

        /** A refusal the server sends outside any envelope (NATS {@code -ERR}), as an error code. */
        void error(LoadAgent agent, String code);

        void closed(LoadAgent agent, int code, String reason);
    }

    final int index;
    final AgentIdentity identity;
    /** Completed when the server has acknowledged the join: from then on the agent can be reached. */
    final CompletableFuture<Void> registered = new CompletableFuture<>();

    protected final Inbox inbox;
    private final Executor sendExecutor;
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

    /** The WebSocket subprotocol to ask for; null for none. */
    protected abstract String subprotocol();

    /** What the agent sends right after the upgrade; {@link #registered} completes on its acknowledgement. */
    protected abstract String joinFrame();

    /** Whether an acknowledgement referring to {@code correlationId} is the one of this agent's join. */
    abstract boolean acknowledgesJoin(String correlationId);

    /** Sends {@code envelope} to the agent {@code recipientDid}, after the frames queued before it. */
    abstract void send(String recipientDid, String envelope);

    /** Writes one queued frame; called for one frame at a time. */
    protected abstract CompletableFuture<WebSocket> write(WebSocket socket, String frame);

    String did() {
        return identity.did();
    }

    boolean isOpen() {
        return open;
    }

    CompletableFuture<WebSocket> connect(HttpClient http, URI uri) {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30));
        String subprotocol = subprotocol();
        if (subprotocol != null) {
            builder.subprotocols(subprotocol);
        }
        return builder.buildAsync(uri, this);
    }

    /** Sends the join frame; the caller waits on {@link #registered}. */
    void join() {
        enqueue(joinFrame());
    }

    /** Queues a frame as the subclass framed it; written after the frames queued before it. */
    protected final void enqueue(String frame) {
        outbox.add(frame);
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
        write(current, next).whenCompleteAsync((ws, error) -> {
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
