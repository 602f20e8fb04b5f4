package io.aiconexus.gateway.cli.internal;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.aiconexus.gateway.cli.Ioap;

/**
 * {@code ioap demo-two-clients}: the prototype's {@code test_two_clients.py}. Two clients connect,
 * register, stay connected for a while, then unregister and disconnect cleanly.
 */
final class TwoClientsDemo implements Command {
    private static final String RULE = "=".repeat(60);

    @Override
    public String name() {
        return "demo-two-clients";
    }

    @Override
    public String summary() {
        return "two clients connect, register, stay a while and disconnect cleanly";
    }

    @Override
    public String usage() {
        return """
                ioap demo-two-clients [--seconds N] [--gateway URL]

                The prototype's two-client test: two agents with fresh identities connect, register,
                keep their connections for N seconds, then unregister and disconnect. Exits 0 when both
                registered and stayed connected, else 1 (3 when the gateway is not reachable, 4 when it
                refused a registration).

                  --seconds N     how long the clients stay connected (default 10; 0 leaves at once)
                  --gateway URL   gateway address (default: $IOAP_GATEWAY, else ws://127.0.0.1:8000/ws)
                """;
    }

    @Override
    public Set<String> valued() {
        return Set.of("seconds", "gateway");
    }

    @Override
    public int run(Args args, Cli cli) throws CliException {
        if (!args.positionals().isEmpty()) {
            throw Args.usage(name(), "unexpected argument '" + args.positionals().get(0) + "'");
        }
        long seconds = args.number(name(), "seconds", 10, 0, 24 * 3600);
        cli.out.println(RULE);
        cli.out.println("LAUNCHING TWO TEST CLIENTS");
        cli.out.println(RULE);
        cli.out.println();
        try (DemoPair pair = new DemoPair(cli.gateway(args, name()), cli)) {
            pair.connect("Registered", false);
            cli.out.println();
            cli.out.println("All clients connected successfully!");
            cli.out.println();
            if (seconds > 0) {
                cli.out.println("Keeping both connections open for " + seconds + " s...");
                String lost = lostDuring(pair, seconds);
                if (lost != null) {
                    cli.out.println("[" + lost + "] Lost its connection to the gateway");
                    cli.out.println();
                    cli.out.println("Two-client test FAILED: " + lost + " did not stay connected");
                    return Ioap.FAILED;
                }
            }
            for (DemoClient client : pair.both()) {
                client.close();
                client.say("Disconnected");
            }
            cli.out.println();
            cli.out.println("Both clients disconnected cleanly.");
            return Ioap.OK;
        }
    }

    /** The label of a client whose connection ended within {@code seconds}, or null when both stayed. */
    private static String lostDuring(DemoPair pair, long seconds) throws CliException {
        CompletableFuture<Object> anyEnded = CompletableFuture.anyOf(
                pair.first.client.closed().thenApply(state -> pair.first.label),
                pair.second.client.closed().thenApply(state -> pair.second.label));
        try {
            return (String) anyEnded.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException stayedConnected) {
            return null;
        } catch (ExecutionException e) {
            throw new CliException(Ioap.FAILED, "watching the connections failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(Ioap.FAILED, "interrupted");
        }
    }
}
