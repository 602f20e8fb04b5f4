package io.aiconexus.gateway.bench.load;

import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

import io.aiconexus.gateway.identity.AgentIdentity;

/**
 * An agent of the gateway: one envelope per text frame; the gateway routes by the envelope's
 * {@code to}, so the recipient needs no framing of its own. Joins with a signed REGISTER.
 */
final class GatewayAgent extends LoadAgent {
    /** Signed before the join, so that joining measures the gateway, not signing. */
    private final String registerFrame;
    private final String registerId;
    private final StringBuilder partial = new StringBuilder();

    GatewayAgent(int index, AgentIdentity identity, String registerFrame, String registerId, Inbox inbox,
            Executor sendExecutor) {
        super(index, identity, inbox, sendExecutor);
        this.registerFrame = registerFrame;
        this.registerId = registerId;
    }

    @Override
    protected String subprotocol() {
        return "ioap.v1";
    }

    @Override
    protected String joinFrame() {
        return registerFrame;
    }

    @Override
    boolean acknowledgesJoin(String correlationId) {
        return registerId.equals(correlationId);
    }

    @Override
    void send(String recipientDid, String envelope) {
        enqueue(envelope);
    }

    @Override
    protected CompletableFuture<WebSocket> write(WebSocket socket, String frame) {
        return socket.sendText(frame, true);
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
}
