package io.aiconexus.gateway.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.aiconexus.gateway.cli.Ioap;
import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.sdk.AgentKeys;
import io.aiconexus.gateway.sdk.GatewayClient;
import io.aiconexus.gateway.sdk.GatewayException;
import io.aiconexus.gateway.sdk.GatewayUnreachableException;
import io.aiconexus.gateway.sdk.RegistrationRefusedException;

/** What every command shares: the streams, the environment, and where the gateway and the key are. */
final class Cli {
    static final String DEFAULT_KEY = ".ioap/agent-key.json";

    final PrintStream out;
    final PrintStream err;
    private final Map<String, String> env;

    Cli(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    /** {@code --gateway}, else {@code IOAP_GATEWAY}, else the default address, checked. */
    URI gateway(Args args, String command) throws CliException {
        String address = args.get("gateway", env.getOrDefault(Ioap.ENV_GATEWAY, GatewayClient.DEFAULT_GATEWAY)).strip();
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException e) {
            throw Args.usage(command, "gateway address '" + address + "' is not a URI: " + e.getReason());
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("ws") || scheme.equalsIgnoreCase("wss")) || uri.getHost() == null) {
            throw Args.usage(command, "gateway address '" + address + "' must look like " + GatewayClient.DEFAULT_GATEWAY);
        }
        return uri;
    }

    /** {@code --key}, else {@code IOAP_KEY}, else {@code ~/.ioap/agent-key.json}. */
    Path keyFile(Args args) {
        String explicit = args.get("key", env.get(Ioap.ENV_KEY));
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        return Path.of(System.getProperty("user.home"), DEFAULT_KEY);
    }

    /** The agent's key, or a BAD_KEY error that says how to get one. */
    AgentIdentity loadKey(Args args) throws CliException {
        Path file = keyFile(args);
        if (!Files.exists(file)) {
            throw new CliException(Ioap.BAD_KEY, "no key file at " + file + ": create one with 'ioap keygen"
                    + (args.has("key") ? " --key " + file : "") + "'");
        }
        try {
            return AgentKeys.load(file);
        } catch (IOException e) {
            throw new CliException(Ioap.BAD_KEY, "bad key file: " + e.getMessage(), e);
        }
    }

    /** Connects and registers {@code client}, turning failures into the matching exit codes. */
    static void connect(GatewayClient client) throws CliException {
        try {
            client.connect();
        } catch (GatewayException e) {
            throw connectFailure(client, e);
        }
    }

    /** The CliException that says why {@code client} could not connect, with its exit code. */
    static CliException connectFailure(GatewayClient client, Throwable cause) {
        if (cause instanceof RegistrationRefusedException e) {
            return new CliException(Ioap.REFUSED, "the gateway at " + client.gateway() + " refused the registration of "
                    + client.did() + ": " + e.code() + " " + e.errorMessage(), e);
        }
        if (cause instanceof GatewayUnreachableException e) {
            return new CliException(Ioap.UNREACHABLE, "gateway not reachable: " + e.getMessage(), e);
        }
        return new CliException(Ioap.FAILED, String.valueOf(cause.getMessage()), cause);
    }
}
