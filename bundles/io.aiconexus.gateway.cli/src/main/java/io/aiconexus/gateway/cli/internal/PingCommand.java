package io.aiconexus.gateway.cli.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.aiconexus.gateway.cli.Ioap;
import io.aiconexus.gateway.sdk.GatewayClient;
import io.aiconexus.gateway.sdk.GatewayErrorException;
import io.aiconexus.gateway.sdk.Messages;
import io.aiconexus.gateway.sdk.ReconnectPolicy;

/** {@code ioap ping}: PING the gateway (or an agent) and show round-trip times. */
final class PingCommand implements Command {

    @Override
    public String name() {
        return "ping";
    }

    @Override
    public String summary() {
        return "PING the gateway or an agent and print round-trip times";
    }

    @Override
    public String usage() {
        return """
                ioap ping [--count N] [--interval MS] [--to DID] [--timeout SECONDS] [--key FILE] [--gateway URL]

                Registers, then sends N signed PINGs one after another and prints each PONG's
                round-trip time (sent to answer received, signature checked), then a summary.
                Exits 1 when a PING gets no PONG.

                  --count N           PINGs to send (default 4)
                  --interval MS       pause between PINGs (default 500)
                  --to DID            PING this agent instead of the gateway
                  --timeout SECONDS   wait for each PONG (default 5)
                  --key FILE          key file (default: $IOAP_KEY, else ~/.ioap/agent-key.json)
                  --gateway URL       gateway address (default: $IOAP_GATEWAY, else ws://127.0.0.1:8000/ws)
                """;
    }

    @Override
    public Set<String> valued() {
        return Set.of("count", "interval", "to", "timeout", "key", "gateway");
    }

    @Override
    public int run(Args args, Cli cli) throws CliException {
        if (!args.positionals().isEmpty()) {
            throw Args.usage(name(), "unexpected argument '" + args.positionals().get(0) + "'");
        }
        long count = args.number(name(), "count", 4, 1, 1_000_000);
        long interval = args.number(name(), "interval", 500, 0, 3_600_000);
        long timeout = args.number(name(), "timeout", 5, 1, 3600);
        String to = args.get("to", Messages.GATEWAY);
        String target = to.equals(Messages.GATEWAY) ? "gateway" : to;
        GatewayClient.Builder builder = GatewayClient.builder(cli.loadKey(args)).gateway(cli.gateway(args, name()))
                .reconnect(ReconnectPolicy.NEVER).requestTimeout(Duration.ofSeconds(timeout));
        try (GatewayClient client = builder.build()) {
            Cli.connect(client);
            cli.out.println("PING " + target + " via " + client.gateway() + " as " + client.did());
            double min = Double.MAX_VALUE;
            double max = 0;
            double sum = 0;
            int received = 0;
            for (long sequence = 1; sequence <= count; sequence++) {
                if (sequence > 1 && interval > 0) {
                    pause(interval);
                }
                try {
                    double millis = client.ping(to).get(timeout + 1, TimeUnit.SECONDS).toNanos() / 1e6;
                    received++;
                    min = Math.min(min, millis);
                    max = Math.max(max, millis);
                    sum += millis;
                    cli.out.println(String.format(Locale.ROOT, "PONG from %s: seq=%d time=%.2f ms", target, sequence, millis));
                } catch (ExecutionException e) {
                    cli.out.println("no PONG for seq=" + sequence + ": " + (e.getCause() instanceof GatewayErrorException error
                            ? "ERROR " + error.code() + " " + error.errorMessage() : e.getCause().getMessage()));
                } catch (TimeoutException e) {
                    cli.out.println("no PONG for seq=" + sequence + " within " + timeout + " s");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CliException(Ioap.FAILED, "interrupted");
                }
            }
            cli.out.println();
            cli.out.println(String.format(Locale.ROOT, "%d sent, %d received, %d lost", count, received, count - received));
            if (received > 0) {
                cli.out.println(String.format(Locale.ROOT, "round trip min/avg/max = %.2f/%.2f/%.2f ms", min, sum / received, max));
            }
            return received == count ? Ioap.OK : Ioap.FAILED;
        }
    }

    private static void pause(long millis) throws CliException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(Ioap.FAILED, "interrupted");
        }
    }
}
