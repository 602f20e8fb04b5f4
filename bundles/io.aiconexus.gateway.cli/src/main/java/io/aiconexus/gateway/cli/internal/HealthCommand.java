package io.aiconexus.gateway.cli.internal;

import java.net.URI;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.aiconexus.gateway.cli.Ioap;

/** {@code ioap health}: GET /health. */
final class HealthCommand implements Command {

    @Override
    public String name() {
        return "health";
    }

    @Override
    public String summary() {
        return "ask the gateway's /health endpoint";
    }

    @Override
    public String usage() {
        return """
                ioap health [--json] [--gateway URL]

                GETs /health from the gateway (same host and port as its WebSocket) and prints its status.
                Exits 0 when the gateway says healthy, 1 when it answers anything else, 3 when it is not reachable.

                  --json          print the response body as received
                  --gateway URL   gateway address (default: $IOAP_GATEWAY, else ws://127.0.0.1:8000/ws)
                """;
    }

    @Override
    public Set<String> valued() {
        return Set.of("gateway");
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
        URI base = HttpJson.base(cli.gateway(args, name()));
        HttpJson.Response response = HttpJson.get(base.resolve("/health"));
        JsonNode health = response.json();
        String status = health.path("status").asText("unknown");
        if (args.has("json")) {
            cli.out.println(response.text());
        } else {
            cli.out.println("Gateway " + base + ": " + status + ", " + health.path("connected_agents").asInt()
                    + " agent(s) connected (at " + health.path("timestamp").asText() + ")");
        }
        return "healthy".equals(status) ? Ioap.OK : Ioap.FAILED;
    }
}
