package io.aiconexus.gateway.cli.internal;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.aiconexus.gateway.cli.Ioap;
import io.aiconexus.gateway.sdk.GatewayClient;

/**
 * The demos' two clients, connected side by side. Lines are printed in phases — both DIDs, both
 * connections, both registrations — as the prototype's demos print them, whatever order the two
 * connections actually finished in.
 */
final class DemoPair implements AutoCloseable {
    final DemoClient first;
    final DemoClient second;
    private final Cli cli;

    DemoPair(URI gateway, Cli cli) {
        this.cli = cli;
        this.first = new DemoClient(1, gateway, cli);
        this.second = new DemoClient(2, gateway, cli);
    }

    List<DemoClient> both() {
        return List.of(first, second);
    }

    /**
     * Connects both; prints "Connected to gateway" and then {@code registered} for each, with a blank
     * line between the two blocks when {@code separate}.
     *
     * @throws CliException with the exit code of the first failure (not reachable, refused)
     */
    void connect(String registered, boolean separate) throws CliException {
        for (DemoClient client : both()) {
            client.say("DID: " + client.client.did());
        }
        cli.out.println();
        List<CompletableFuture<GatewayClient>> registrations = both().stream().map(c -> c.client.connectAsync()).toList();
        boolean allOpened = true;
        for (DemoClient client : both()) {
            if (client.opened.join()) {
                client.say("Connected to gateway");
            } else {
                allOpened = false;
            }
        }
        if (allOpened && separate) {
            cli.out.println();
        }
        CliException failure = null;
        for (int i = 0; i < 2; i++) {
            DemoClient client = both().get(i);
            try {
                registrations.get(i).get();
                client.say(registered);
            } catch (ExecutionException e) {
                CliException problem = Cli.connectFailure(client.client, e.getCause());
                client.say("Could not connect: " + problem.getMessage());
                failure = failure == null ? problem : failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(Ioap.FAILED, "interrupted");
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() {
        first.close();
        second.close();
    }
}
