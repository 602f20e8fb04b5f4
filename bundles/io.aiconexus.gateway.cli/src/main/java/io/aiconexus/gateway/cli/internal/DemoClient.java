package io.aiconexus.gateway.cli.internal;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.aiconexus.gateway.sdk.AgentKeys;
import io.aiconexus.gateway.sdk.ClientState;
import io.aiconexus.gateway.sdk.GatewayClient;
import io.aiconexus.gateway.sdk.ReconnectPolicy;

/** One of the demos' two agents: a fresh identity, a client, and the lines it prints. */
final class DemoClient implements AutoCloseable {
    final String label;
    final GatewayClient client;
    /** true once the WebSocket is open, false when the client ended before that. */
    final CompletableFuture<Boolean> opened = new CompletableFuture<>();
    final AtomicInteger received = new AtomicInteger();
    private final Cli cli;

    DemoClient(int number, URI gateway, Cli cli) {
        this.label = "CLIENT " + number;
        this.cli = cli;
        this.client = GatewayClient.builder(AgentKeys.generate()).gateway(gateway).reconnect(ReconnectPolicy.NEVER)
                .metadata("name", "ioap demo " + label.toLowerCase()).build();
        client.onStateChange((previous, current) -> {
            if (current == ClientState.CONNECTED) {
                opened.complete(true);
            } else if (current.isFinal()) {
                opened.complete(false);
            }
        });
        client.onMessage((envelope, c) -> received.incrementAndGet());
    }

    void say(String text) {
        cli.out.println("[" + label + "] " + text);
    }

    @Override
    public void close() {
        client.close();
    }
}
