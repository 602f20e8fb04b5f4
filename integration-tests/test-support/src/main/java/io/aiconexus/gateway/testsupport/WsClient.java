package io.aiconexus.gateway.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.concurrent.TimeoutException;

/**
 * A plain WebSocket client, the JDK's own (java.net.http): nothing of the gateway's code is on
 * its side of the socket. Collects text frames in arrival order, or hands them to a consumer as
 * they arrive ({@link #divert}), and records the close code.
 */
public final class WsClient implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final WebSocket socket;
    private final LinkedBlockingQueue<String> frames;
    private final CompletableFuture<Integer> closed;

    private final Collector collector;

    private WsClient(WebSocket socket, LinkedBlockingQueue<String> frames, CompletableFuture<Integer> closed,
            Collector collector) {
        this.socket = socket;
        this.frames = frames;
        this.closed = closed;
        this.collector = collector;
    }

    /** Connects offering {@code subprotocols} (none: offers nothing). */
    public static WsClient connect(URI uri, String... subprotocols) throws Exception {
        return connect(uri, Long.MAX_VALUE, subprotocols);
    }

    /**
     * Connects a client that stops reading after {@code framesToRead} frames, as a stuck
     * consumer does: the gateway's writes then back up into its outbound queue.
     */
    public static WsClient connectStalling(URI uri, long framesToRead) throws Exception {
        return connect(uri, framesToRead, "ioap.v1");
    }

    private static WsClient connect(URI uri, long framesToRead, String... subprotocols) throws Exception {
        LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        Collector collector = new Collector(frames, closed, framesToRead);
        WebSocket socket = builder.buildAsync(uri, collector).get(10, TimeUnit.SECONDS);
        return new WsClient(socket, frames, closed, collector);
    }

    /**
     * From now on every text frame goes to {@code consumer}, on the socket's thread and in order,
     * starting with those already received and not yet read.
     */
    public void divert(Consumer<String> consumer) {
        collector.divert(consumer);
    }

    public String subprotocol() {
        return socket.getSubprotocol();
    }

    public void send(String text) throws Exception {
        socket.sendText(text, true).get(10, TimeUnit.SECONDS);
    }

    public void sendBinary(byte[] data) throws Exception {
        socket.sendBinary(ByteBuffer.wrap(data), true).get(10, TimeUnit.SECONDS);
    }

    /** The next text frame, or a TimeoutException naming what was awaited. */
    public String next(Duration timeout) throws InterruptedException, TimeoutException {
        String frame = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (frame == null) {
            throw new TimeoutException("no frame within " + timeout);
        }
        return frame;
    }

    /** The next text frame if one arrives within {@code timeout}, else null. */
    public String poll(Duration timeout) throws InterruptedException {
        return frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The close code the gateway sent, waiting up to {@code timeout}. */
    public int awaitClose(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isClosed() {
        return closed.isDone() || socket.isInputClosed();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    /** Kills the TCP connection without a close frame, as a vanished network would. */
    public void abort() {
        socket.abort();
    }

    private static final class Collector implements WebSocket.Listener {
        private final LinkedBlockingQueue<String> frames;
        private final CompletableFuture<Integer> closed;
        private final StringBuilder partial = new StringBuilder();
        private long framesLeft;
        private Consumer<String> consumer;

        Collector(LinkedBlockingQueue<String> frames, CompletableFuture<Integer> closed, long framesToRead) {
            this.frames = frames;
            this.closed = closed;
            this.framesLeft = framesToRead;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                deliver(partial.toString());
                partial.setLength(0);
                framesLeft--;
            }
            if (framesLeft > 0) {
                webSocket.request(1);
            }
            return null;
        }

        private synchronized void deliver(String frame) {
            if (consumer == null) {
                frames.add(frame);
            } else {
                consumer.accept(frame);
            }
        }

        synchronized void divert(Consumer<String> to) {
            consumer = to;
            for (String frame = frames.poll(); frame != null; frame = frames.poll()) {
                to.accept(frame);
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(1006);
        }
    }
}
