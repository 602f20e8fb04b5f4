package io.aiconexus.gateway.plugin.echoagent.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.identity.EnvelopeSigner;
import io.aiconexus.gateway.protocol.EnvelopeCodec;
import io.aiconexus.gateway.protocol.MessageType;

/**
 * The echo agent's WebSocket to the gateway, the way any external agent holds one: connect
 * offering {@code ioap.v1}, hand frames to the {@link AgentSession}, reconnect with a growing
 * delay when the connection drops. Every frame it sends is signed with the agent's own key. All
 * state is touched on one worker thread, which also serializes sends (the JDK WebSocket allows one
 * outstanding send).
 */
final class GatewayLink {
    static final String SUBPROTOCOL = "ioap.v1";
    private static final Logger LOG = LoggerFactory.getLogger(GatewayLink.class);
    private static final long SEND_TIMEOUT_SECONDS = 10;

    private final Supplier<URI> address;
    private final AgentIdentity identity;
    private final EnvelopeCodec codec;
    private final EnvelopeSigner signer;
    private final AgentSession session;
    private final int maxDelaySeconds;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(named("aiconexus-echo-agent"));
    // the client's own executor: one shut down under it would fail connections still completing
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private volatile boolean stopped;
    // worker-thread state
    private Listener current;
    private int failures;

    GatewayLink(Supplier<URI> address, AgentIdentity identity, EnvelopeCodec codec, EnvelopeSigner signer,
            AgentSession session, int maxDelaySeconds) {
        this.address = address;
        this.identity = identity;
        this.codec = codec;
        this.signer = signer;
        this.session = session;
        this.maxDelaySeconds = Math.max(1, maxDelaySeconds);
    }

    void start() {
        worker.execute(this::connect);
    }

    /** Says goodbye (UNREGISTER, then a close frame) and ends the threads, within about {@code millis}. */
    void stop(long millis) {
        stopped = true;
        try {
            worker.submit(this::goodbye).get(millis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Echo agent {}: no clean goodbye ({}): the connection is dropped", identity.did(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            worker.shutdownNow();
            Listener last = current;
            if (last != null) {
                last.socket.abort();
            }
        }
    }

    private void connect() {
        if (stopped) {
            return;
        }
        URI uri = reachable(address.get());
        if (uri == null) {
            LOG.warn("Echo agent {}: the transport is not listening yet", identity.did());
            retry();
            return;
        }
        Listener listener = new Listener();
        http.newWebSocketBuilder().subprotocols(SUBPROTOCOL).connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, listener)
                .whenComplete((socket, error) -> {
                    if (stopped && socket != null) {
                        // stopped while connecting: the worker is gone, nobody would close it
                        socket.abort();
                    } else {
                        runOnWorker(() -> opened(listener, socket, error, uri));
                    }
                });
    }

    private void opened(Listener listener, WebSocket socket, Throwable error, URI uri) {
        if (error != null) {
            LOG.warn("Echo agent {} cannot connect to {}: {}", identity.did(), uri, rootMessage(error));
            retry();
            return;
        }
        listener.socket = socket;
        if (stopped) {
            socket.abort();
            return;
        }
        current = listener;
        session.opened(this::send);
    }

    private void received(Listener listener, String text) {
        if (listener == current && session.received(text, this::send)) {
            failures = 0;
        }
    }

    private void closed(Listener listener, int code, String reason) {
        if (listener != current) {
            return;
        }
        current = null;
        session.closed();
        if (stopped) {
            return;
        }
        LOG.info("Echo agent {} disconnected ({} {}): reconnecting", identity.did(), code, reason);
        retry();
    }

    private void goodbye() {
        Listener last = current;
        if (last == null) {
            return;
        }
        if (session.registered()) {
            send(MessageType.UNREGISTER, session.gatewayDid(), null, codec.objectNode());
        }
        try {
            last.socket.sendClose(WebSocket.NORMAL_CLOSURE, "echo agent stopping").get(2, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("Echo agent {}: close frame not sent: {}", identity.did(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Echo agent {} left the gateway", identity.did());
    }

    /** Signs and sends a frame; returns its id. A send that fails drops the connection (and reconnects). */
    private String send(MessageType type, String to, String correlationId, ObjectNode payload) {
        ObjectNode envelope = codec.newEnvelope(type, identity.did(), to, correlationId, payload);
        String text = codec.write(signer.sign(identity, envelope));
        Listener listener = current;
        try {
            listener.socket.sendText(text, true).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Echo agent {}: sending {} failed: {}", identity.did(), type, rootMessage(e));
            listener.socket.abort();
            closed(listener, 1006, "send failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return envelope.get("id").asText();
    }

    private void retry() {
        if (stopped) {
            return;
        }
        failures++;
        long delay = Math.min(maxDelaySeconds, 1L << Math.min(failures - 1, 16));
        worker.schedule(this::connect, delay, TimeUnit.SECONDS);
    }

    private void runOnWorker(Runnable task) {
        if (!worker.isShutdown()) {
            worker.execute(task);
        }
    }

    /** A wildcard listen address is not one a client can reach: use the loopback address instead. */
    static URI reachable(URI listening) {
        if (listening == null) {
            return null;
        }
        String host = listening.getHost();
        if ("0.0.0.0".equals(host) || "[::]".equals(host) || "::".equals(host)) {
            return URI.create(listening.getScheme() + "://127.0.0.1:" + listening.getPort() + listening.getRawPath());
        }
        return listening;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.toString();
    }

    private static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One WebSocket's events, handed to the worker thread in order. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        volatile WebSocket socket;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                runOnWorker(() -> received(this, text));
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            runOnWorker(() -> closed(this, statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            runOnWorker(() -> closed(this, 1006, rootMessage(error)));
        }
    }
}
