package io.aiconexus.gateway.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.aiconexus.gateway.cli.internal.CommandLine;

/**
 * The {@code ioap} command: {@code ioap help} lists the commands. Exit codes: {@value #OK} success,
 * {@value #FAILED} the command ran and failed (a demo that did not succeed, an ERROR answer, no
 * answer in time, an unhealthy gateway), {@value #USAGE} bad arguments, {@value #UNREACHABLE} gateway
 * not reachable, {@value #REFUSED} registration refused, {@value #BAD_KEY} key file missing or unusable.
 */
public final class Ioap {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int UNREACHABLE = 3;
    public static final int REFUSED = 4;
    public static final int BAD_KEY = 5;

    /** Environment variable: the gateway's WebSocket address, e.g. {@code ws://127.0.0.1:8000/ws}. */
    public static final String ENV_GATEWAY = "IOAP_GATEWAY";
    /** Environment variable: the agent key file. */
    public static final String ENV_KEY = "IOAP_KEY";

    private Ioap() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(Arrays.asList(args), System.getenv(), out, err));
    }

    /**
     * Runs one {@code ioap} command in this JVM.
     *
     * @param args the command and its arguments, e.g. {@code ["demo-exchange", "--timeout", "5"]}
     * @param env  the environment ({@value #ENV_GATEWAY}, {@value #ENV_KEY} are read)
     * @param out  where results go
     * @param err  where errors and progress notes go
     * @return the exit code
     */
    public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        return new CommandLine(env, out, err).run(args);
    }
}
