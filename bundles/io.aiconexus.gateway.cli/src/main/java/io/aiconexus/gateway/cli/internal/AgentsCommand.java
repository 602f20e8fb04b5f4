package io.aiconexus.gateway.cli.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.aiconexus.gateway.cli.Ioap;

/** {@code ioap agents}: GET /agents. */
final class AgentsCommand implements Command {

    @Override
    public String name() {
        return "agents";
    }

    @Override
    public String summary() {
        return "list the agents connected to the gateway (/agents)";
    }

    @Override
    public String usage() {
        return """
                ioap agents [--capability NAME] [--json] [--gateway URL]

                GETs /agents from the gateway and prints one line per agent: DID, when it connected,
                when it was last active.

                  --capability NAME   only agents advertising this capability
                  --json              print the response body as received
                  --gateway URL       gateway address (default: $IOAP_GATEWAY, else ws://127.0.0.1:8000/ws)
                """;
    }

    @Override
    public Set<String> valued() {
        return Set.of("capability", "gateway");
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
        String capability = args.get("capability", null);
        String query = capability == null ? "" : "?capability=" + URLEncoder.encode(capability, StandardCharsets.UTF_8);
        HttpJson.Response response = HttpJson.get(base.resolve("/agents" + query));
        if (args.has("json")) {
            cli.out.println(response.text());
            return Ioap.OK;
        }
        JsonNode agents = response.json().path("agents");
        int count = response.json().path("count").asInt(agents.size());
        cli.out.println(count + " agent(s) connected to " + base + (capability == null ? "" : " with capability " + capability));
        if (agents.size() > 0) {
            String format = "%-56s  %-30s  %s";
            cli.out.println(String.format(Locale.ROOT, format, "DID", "CONNECTED AT", "LAST ACTIVITY"));
            for (JsonNode agent : agents) {
                cli.out.println(String.format(Locale.ROOT, format, agent.path("did").asText(),
                        agent.path("connected_at").asText(), agent.path("last_activity").asText()));
            }
        }
        return Ioap.OK;
    }
}
