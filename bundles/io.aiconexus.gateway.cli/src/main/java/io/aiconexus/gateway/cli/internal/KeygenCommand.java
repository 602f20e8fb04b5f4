package io.aiconexus.gateway.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import io.aiconexus.gateway.cli.Ioap;
import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.sdk.AgentKeys;

/** {@code ioap keygen}: a new agent key in a key file. */
final class KeygenCommand implements Command {

    @Override
    public String name() {
        return "keygen";
    }

    @Override
    public String summary() {
        return "create an agent key (Ed25519) and print its DID";
    }

    @Override
    public String usage() {
        return """
                ioap keygen [--key FILE] [--force]

                Creates a new Ed25519 key pair and writes it to FILE (owner-only permissions), then
                prints its DID. An existing file is kept unless --force is given.

                  --key FILE   key file (default: $IOAP_KEY, else ~/.ioap/agent-key.json)
                  --force      replace an existing key file (its identity is lost)
                """;
    }

    @Override
    public Set<String> valued() {
        return Set.of("key");
    }

    @Override
    public Set<String> flags() {
        return Set.of("force");
    }

    @Override
    public int run(Args args, Cli cli) throws CliException {
        if (!args.positionals().isEmpty()) {
            throw Args.usage(name(), "unexpected argument '" + args.positionals().get(0) + "'");
        }
        Path file = cli.keyFile(args);
        if (Files.exists(file) && !args.has("force")) {
            throw new CliException(Ioap.FAILED, "key file " + file + " already exists; keep it, or pass --force to "
                    + "replace it (its identity is then lost)");
        }
        AgentIdentity identity = AgentKeys.generate();
        try {
            AgentKeys.save(identity, file);
        } catch (IOException e) {
            throw new CliException(Ioap.BAD_KEY, "cannot write key file " + file + ": " + e.getMessage(), e);
        }
        cli.out.println("Created key file " + file.toAbsolutePath());
        cli.out.println(AgentKeys.describe(identity));
        return Ioap.OK;
    }
}
