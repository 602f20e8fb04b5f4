package io.aiconexus.gateway.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.MessageType;

/** What a client does when there is no gateway: fail clearly, queue within bounds, and end cleanly. */
class ClientWithoutGatewayTest {

    @Test
    void aGatewayThatIsNotThereFailsConnectWithAClearError() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<ClientState> states = new CopyOnWriteArrayList<>();
        GatewayClient client = GatewayClient.builder(AgentKeys.generate()).gateway("ws://127.0.0.1:" + port + "/ws").build();
        client.onStateChange((previous, current) -> states.add(current));

        GatewayUnreachableException error = assertThrows(GatewayUnreachableException.class, client::connect);

        assertTrue(error.getMessage().contains("ws://127.0.0.1:" + port + "/ws")
                && error.getMessage().contains("connection refused"), error.getMessage());
        assertEquals(ClientState.FAILED, client.closed().get(5, TimeUnit.SECONDS));
        assertEquals(List.of(ClientState.CONNECTING, ClientState.FAILED), states);
        assertThrows(IllegalStateException.class, () -> client.send(Messages.offer(client.did(), "v=0")));
    }

    @Test
    void framesSentBeforeConnectAreQueuedUpToTheCapacity() {
        try (GatewayClient client = GatewayClient.builder(AgentKeys.generate()).queueCapacity(2).build()) {
            client.send(Messages.offer(client.did(), "v=0 one"));
            client.send(Messages.offer(client.did(), "v=0 two"));

            QueueFullException full = assertThrows(QueueFullException.class,
                    () -> client.send(Messages.offer(client.did(), "v=0 three")));

            assertEquals(2, client.queuedFrames());
            assertTrue(full.getMessage().contains("2 frames already wait"), full.getMessage());
        }
    }

    @Test
    void closingTellsOfDroppedFramesAndCancelsPendingRequests() throws Exception {
        GatewayClient client = GatewayClient.builder(AgentKeys.generate()).build();
        CompletableFuture<ClientError> dropped = new CompletableFuture<>();
        client.onError(error -> {
            if (error.kind() == ClientError.Kind.FRAMES_DROPPED) {
                dropped.complete(error);
            }
        });
        client.send(Messages.offer(client.did(), "v=0"));
        CompletableFuture<Envelope> answer = client.request(Messages.execRequest(client.did(), null), Duration.ofMinutes(1));

        client.close();

        assertTrue(dropped.get(5, TimeUnit.SECONDS).message().startsWith("2 queued frame(s) were never sent"));
        CancellationException cancelled = assertThrows(CancellationException.class, () -> answer.get(5, TimeUnit.SECONDS));
        assertTrue(cancelled.getMessage().contains("CLOSED"), cancelled.getMessage());
        assertEquals(ClientState.CLOSED, client.closed().get(5, TimeUnit.SECONDS));
    }

    @Test
    void registerAndUnregisterAreTheClientsOwnBusiness() {
        try (GatewayClient client = GatewayClient.builder(AgentKeys.generate()).build()) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> client.send(Message.builder(MessageType.UNREGISTER, client.did()).build()));

            assertTrue(error.getMessage().contains("close()"), error.getMessage());
        }
    }

    @Test
    void badBuilderSettingsAreRefused() {
        GatewayClient.Builder builder = GatewayClient.builder(AgentKeys.generate());

        IllegalArgumentException http = assertThrows(IllegalArgumentException.class,
                () -> builder.gateway("http://127.0.0.1:8000/ws"));
        assertTrue(http.getMessage().contains("ws://HOST:PORT/PATH"), http.getMessage());
        assertThrows(IllegalArgumentException.class, () -> builder.capability(" ", null));
        assertThrows(IllegalArgumentException.class, () -> builder.expectGatewayDid("did:web:nope"));
        assertThrows(IllegalArgumentException.class, () -> builder.connectTimeout(Duration.ZERO));
        assertThrows(IllegalStateException.class, () -> {
            GatewayClient client = builder.build();
            client.close();
            client.connectAsync();
        });
    }
}
