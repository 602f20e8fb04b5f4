package io.aiconexus.gateway.bench.load;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

import io.aiconexus.gateway.identity.AgentIdentity;

/**
 * An agent of nats-server over NATS-over-WebSocket, carrying the same signed envelopes as a
 * {@link GatewayAgent}: it subscribes to its DID as subject and publishes each envelope to the
 * recipient's DID. Its join (CONNECT, SUB, PING) counts as acknowledged on the PONG, by which the
 * server has processed the subscription, as the gateway has registered the agent when it acknowledges
 * REGISTER. nats-server checks no signature.
 */
final class NatsAgent extends LoadAgent implements NatsStream.Handler {
    private static final String CONNECT = "CONNECT {\"verbose\":false,\"pedantic\":false,\"protocol\":1,"
            + "\"headers\":false,\"echo\":false,\"name\":\"load-agent\"}\r\n";

    private final NatsStream stream = new NatsStream();

    NatsAgent(int index, AgentIdentity identity, Inbox inbox, Executor sendExecutor) {
        super(index, identity, inbox, sendExecutor);
    }

    @Override
    protected String subprotocol() {
        return null;
    }

    @Override
    protected String joinFrame() {
        return CONNECT + "SUB " + did() + " 1\r\nPING\r\n";
    }

    @Override
    boolean acknowledgesJoin(String correlationId) {
        return false; // the PONG is the acknowledgement, never an envelope
    }

    @Override
    void send(String recipientDid, String envelope) {
        enqueue("PUB " + recipientDid + " " + utf8Length(envelope) + "\r\n" + envelope + "\r\n");
    }

    @Override
    protected CompletableFuture<WebSocket> write(WebSocket socket, String frame) {
        return socket.sendBinary(ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8)), true);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        stream.feed(data, this);
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        stream.feed(StandardCharsets.UTF_8.encode(CharBuffer.wrap(data)), this);
        webSocket.request(1);
        return null;
    }

    @Override
    public void control(String line) {
        int space = line.indexOf(' ');
        String op = space < 0 ? line : line.substring(0, space);
        switch (op) {
            case "PING" -> enqueue("PONG\r\n");
            case "PONG" -> registered.complete(null); // only the join pings
            case "INFO", "+OK" -> {
                // the server's description, and acknowledgements verbose:false should not even send
            }
            case "-ERR" -> inbox.error(this, "NATS " + line);
            default -> inbox.error(this, "NATS unexpected " + op);
        }
    }

    @Override
    public void message(String payload) {
        inbox.frame(this, payload);
    }

    private static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
