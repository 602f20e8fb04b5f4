package io.aiconexus.gateway.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.bench.Platform;
import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.protocol.MessageType;

/**
 * The moments of one start, as an agent sees them: launch to the first WebSocket upgrade accepted, to that
 * agent's signed REGISTER acknowledged (a frame that arrives before the router is bound waits in the transport),
 * and to {@code /health} answering. Polls the upgrade every 10 ms.
 */
final class StartupProbe implements GatewayProcess.Readiness {
    private static final long POLL_MILLIS = 10;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final String frame;
    private final String registerId;
    long webSocketMillis;
    long registeredMillis;
    long healthMillis;

    /**
     * Signs the REGISTER and loads the WebSocket client (one refused attempt) before the gateway is launched, so that
     * the probe's own set-up does not take the cores the starting gateway needs.
     */
    StartupProbe(Platform platform) throws InterruptedException {
        AgentIdentity identity = platform.identities.generate();
        ObjectNode register = platform.codec.newEnvelope(MessageType.REGISTER, identity.did(), identity.did(), null,
                platform.codec.objectNode().put("public_key", identity.publicKeyBase58()));
        frame = platform.codec.write(platform.signer.sign(identity, register));
        registerId = register.get("id").asText();
        try {
            int closed = GatewayProcess.freePort();
            http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + closed + "/ws"),
                    new WebSocket.Listener() { }).get(2, TimeUnit.SECONDS);
        } catch (IOException | ExecutionException | TimeoutException refused) {
            // expected: nothing listens there
        }
    }

    @Override
    public long await(Process process, int port, long launched, Path home) throws IOException, InterruptedException {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        URI uri = URI.create("ws://127.0.0.1:" + port + "/ws");
        long deadline = launched + TimeUnit.SECONDS.toNanos(60);
        WebSocket socket = null;
        while (socket == null) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("no WebSocket upgrade within 60 s (alive: " + process.isAlive() + "): see "
                        + home.resolve("gateway.log"));
            }
            try {
                socket = http.newWebSocketBuilder().subprotocols("ioap.v1")
                        .buildAsync(uri, new Acknowledgement(registerId, acknowledged)).get(2, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException notYet) {
                Thread.sleep(POLL_MILLIS);
            }
        }
        webSocketMillis = since(launched);
        socket.sendText(frame, true);
        try {
            acknowledged.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("REGISTER not acknowledged: " + e.getMessage() + ": see " + home.resolve("gateway.log"));
        }
        registeredMillis = since(launched);
        healthMillis = GatewayProcess.awaitHealthy(process, port, launched, home);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "measured");
        return healthMillis;
    }

    private static long since(long launched) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launched);
    }

    /** Completes when a frame correlated to the REGISTER arrives (the gateway's signed acknowledgement). */
    private static final class Acknowledgement implements WebSocket.Listener {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final String registerId;
        private final CompletableFuture<Void> acknowledged;
        private final StringBuilder text = new StringBuilder();

        Acknowledgement(String registerId, CompletableFuture<Void> acknowledged) {
            this.registerId = registerId;
            this.acknowledged = acknowledged;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    if (registerId.equals(JSON.readTree(text.toString()).path("correlation_id").asText())) {
                        acknowledged.complete(null);
                    }
                } catch (IOException notJson) {
                    acknowledged.completeExceptionally(notJson);
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            acknowledged.completeExceptionally(new IOException("closed " + statusCode + " " + reason));
            return null;
        }
    }
}
