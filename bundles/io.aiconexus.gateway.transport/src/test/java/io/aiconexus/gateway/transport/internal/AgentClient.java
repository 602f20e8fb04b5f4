package io.aiconexus.gateway.transport.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An agent as the gateway sees one: the JDK's WebSocket client. It reads everything unless made {@link #stalled}
 * (it then reads nothing at all, like an agent whose event loop is stuck).
 */
final class AgentClient implements WebSocket.Listener {
    final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    final CompletableFuture<String> closed = new CompletableFuture<>(); // "CODE:REASON"
    final CompletableFuture<Throwable> failed = new CompletableFuture<>();
    final AtomicInteger pings = new AtomicInteger();
    final BlockingQueue<Integer> pingSeen = new LinkedBlockingQueue<>();
    private final boolean stalled;
    private final StringBuilder partial = new StringBuilder();
    WebSocket socket;

    private AgentClient(boolean stalled) {
        this.stalled = stalled;
    }

    static AgentClient connect(URI uri, String... subprotocols) throws Exception {
        return open(uri, false, subprotocols);
    }

    /** Connects with {@code http}: a client with its own TLS trust, say. */
    static AgentClient connect(HttpClient http, URI uri, String... subprotocols) throws Exception {
        AgentClient client = new AgentClient(false);
        client.socket = builder(http, subprotocols).buildAsync(uri, client).get(10, TimeUnit.SECONDS);
        return client;
    }

    static AgentClient stalled(URI uri) throws Exception {
        return open(uri, true);
    }

    static CompletableFuture<WebSocket> attempt(URI uri, String... subprotocols) {
        return builder(subprotocols).buildAsync(uri, new AgentClient(false));
    }

    private static AgentClient open(URI uri, boolean stalled, String... subprotocols) throws Exception {
        AgentClient client = new AgentClient(stalled);
        client.socket = builder(subprotocols).buildAsync(uri, client).get(10, TimeUnit.SECONDS);
        return client;
    }

    private static WebSocket.Builder builder(String... subprotocols) {
        return builder(HttpClient.newHttpClient(), subprotocols);
    }

    private static WebSocket.Builder builder(HttpClient http, String... subprotocols) {
        WebSocket.Builder builder = http.newWebSocketBuilder();
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        return builder;
    }

    void send(String text) throws Exception {
        socket.sendText(text, true).get(10, TimeUnit.SECONDS);
    }

    void close(int code, String reason) throws Exception {
        socket.sendClose(code, reason).get(10, TimeUnit.SECONDS);
    }

    String nextText() throws InterruptedException {
        String text = texts.poll(10, TimeUnit.SECONDS);
        assertNotNull(text, "no text frame within 10 s");
        return text;
    }

    String awaitClose() throws Exception {
        return closed.get(15, TimeUnit.SECONDS);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        if (!stalled) {
            webSocket.request(1);
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            texts.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        pingSeen.add(pings.incrementAndGet());
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode + ":" + reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        failed.complete(error);
        closed.completeExceptionally(error);
    }
}
