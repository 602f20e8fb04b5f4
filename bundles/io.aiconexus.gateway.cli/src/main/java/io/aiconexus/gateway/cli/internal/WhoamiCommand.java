package io.aiconexus.gateway.cli.internal;

import java.util.Set;

import io.aiconexus.gateway.cli.Ioap;
import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.sdk.AgentKeys;

/** {@code ioap whoami}: the DID of the key file. */
final class WhoamiCommand implements Command {

    @Override
    public String name() {
        return "whoami";
    }

    @Override
    public String summary() {
        return "print the DID and public key of the agent key";
    }

    @Override
    public String usage() {
        return """
                ioap whoami [--key FILE]

                Loads the key file and prints the agent's DID (standard and legacy forms) and public key.

                  --key FILE   key file (default: $IOAP_KEY, else ~/.ioap/agent-key.json)
                """;
    }

    @Override
    public Set<String> valued() {
        return Set.of("key");
    }

    @Override
    public int run(Args args, Cli cli) throws CliException {
        if (!args.positionals().isEmpty()) {
            throw Args.usage(name(), "unexpected argument '" + args.positionals().get(0) + "'");
        }
        AgentIdentity identity = cli.loadKey(args);
        cli.out.println("Key file:   " + cli.keyFile(args).toAbsolutePath());
        cli.out.println(AgentKeys.describe(identity));
        return Ioap.OK;
    }
}
