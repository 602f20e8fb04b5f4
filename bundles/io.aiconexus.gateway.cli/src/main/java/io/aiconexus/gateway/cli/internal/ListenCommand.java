package io.aiconexus.gateway.cli.internal;

import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.aiconexus.gateway.cli.Ioap;
import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.sdk.ClientState;
import io.aiconexus.gateway.sdk.GatewayClient;
import io.aiconexus.gateway.sdk.ReconnectPolicy;

/** {@code ioap listen}: register and print every frame that arrives. */
final class ListenCommand implements Command {

    @Override
    public String name() {
        return "listen";
    }

    @Override
    public String summary() {
        return "register and print every frame that arrives";
    }

    @Override
    public String usage() {
        return """
                ioap listen [--count N] [--timeout SECONDS] [--capability NAME]... [--json] [--key FILE] [--gateway URL]

                Connects, registers the agent and prints each verified frame as it arrives (PINGs are
                answered by the SDK and shown too). Refused frames, gateway errors and reconnections
                are reported on stderr. Runs until Ctrl-C, --count frames, or --timeout.

                  --count N           stop after N frames (exit 0), or fail at --timeout with fewer (exit 1)
                  --timeout SECONDS   stop after this long
                  --capability NAME   advertise a capability in REGISTER (repeatable)
                  --json              print each frame as received (JSON), one per line
                  --key FILE          key file (default: $IOAP_KEY, else ~/.ioap/agent-key.json)
                  --gateway URL       gateway address (default: $IOAP_GATEWAY, else ws://127.0.0.1:8000/ws)
                """;
    }

    @Override
    public Set<String> valued() {
        return Set.of("count", "timeout", "capability", "key", "gateway");
    }

    @Override
    public Set<String> flags() {
        return Set.of("json");
    }

    @Override
    public int run(Args args, Cli cli) throws CliException {
        if (!args.positionals().isEmpty()) {
            throw Args.usage(name(), "unexpected argument '" + args.positionals().get(0) + "'");
        }
        long count = args.number(name(), "count", 0, 1, Integer.MAX_VALUE);
        long timeout = args.number(name(), "timeout", 0, 1, 365L * 24 * 3600);
        AgentIdentity identity = cli.loadKey(args);
        GatewayClient.Builder builder = GatewayClient.builder(identity).gateway(cli.gateway(args, name()))
                .reconnect(ReconnectPolicy.DEFAULT);
        for (String capability : args.all("capability")) {
            builder.capability(capability, null);
        }
        boolean json = args.has("json");
        AtomicInteger received = new AtomicInteger();
        CountDownLatch enough = new CountDownLatch(1);
        try (GatewayClient client = builder.build()) {
            client.onMessage((envelope, c) -> {
                cli.out.println(json ? envelope.text() : FrameFormat.line(envelope));
                if (count > 0 && received.incrementAndGet() >= count) {
                    enough.countDown();
                }
            });
            client.onError(error -> cli.err.println("! " + error.message()));
            client.onStateChange((previous, current) -> {
                if (current == ClientState.REGISTERED && previous == ClientState.CONNECTED && client.gatewayDid() != null) {
                    cli.err.println("Registered " + client.did() + " with gateway " + client.gatewayDid());
                }
            });
            client.closed().thenRun(enough::countDown);
            Cli.connect(client);
            cli.err.println("Listening on " + client.gateway() + (count > 0 ? " for " + count + " frame(s)" : "")
                    + (timeout > 0 ? " for at most " + timeout + " s" : "") + "; Ctrl-C to stop.");
            Thread hook = new Thread(client::close, "ioap-listen-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                boolean done = await(enough, timeout);
                if (client.state() == ClientState.FAILED) {
                    throw new CliException(Ioap.FAILED, "the connection to the gateway was lost for good");
                }
                if (count > 0 && received.get() < count) {
                    throw new CliException(Ioap.FAILED, (done ? "stopped" : "timed out after " + timeout + " s") + " with " + received.get() + " of " + count + " frame(s)");
                }
                return Ioap.OK;
            } finally {
                removeHook(hook);
            }
        }
    }

    /** Waits {@code seconds} (0: without end); whether the latch opened. */
    private static boolean await(CountDownLatch latch, long seconds) throws CliException {
        try {
            if (seconds == 0) {
                latch.await();
                return true;
            }
            return latch.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(Ioap.FAILED, "interrupted");
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it closes the client
        }
    }
}
