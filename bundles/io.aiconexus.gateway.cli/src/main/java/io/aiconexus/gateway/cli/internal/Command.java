package io.aiconexus.gateway.cli.internal;

import java.util.Set;

/** One {@code ioap} sub-command. */
interface Command {

    String name();

    /** One line for {@code ioap help}. */
    String summary();

    /** The full help: synopsis, options, examples. */
    String usage();

    /** Options taking a value, without the leading {@code --}. */
    Set<String> valued();

    /** Options taking no value. */
    default Set<String> flags() {
        return Set.of();
    }

    /** Runs the command; returns the exit code. */
    int run(Args args, Cli cli) throws CliException;
}
