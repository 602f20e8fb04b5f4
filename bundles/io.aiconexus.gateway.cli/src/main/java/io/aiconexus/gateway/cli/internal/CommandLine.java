package io.aiconexus.gateway.cli.internal;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.aiconexus.gateway.cli.Ioap;

/** Finds the command, parses its arguments, runs it, and turns failures into messages and exit codes. */
public final class CommandLine {
    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final Cli cli;

    public CommandLine(Map<String, String> env, PrintStream out, PrintStream err) {
        this.cli = new Cli(env, out, err);
        for (Command command : List.of(new KeygenCommand(), new WhoamiCommand(), new ListenCommand(), new SendCommand(),
                new PingCommand(), new AgentsCommand(), new HealthCommand(), new TwoClientsDemo(), new ExchangeDemo())) {
            commands.put(command.name(), command);
        }
    }

    public int run(List<String> args) {
        if (args.isEmpty()) {
            help(cli.err);
            return Ioap.USAGE;
        }
        String name = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (name.equals("help") || name.equals("--help") || name.equals("-h")) {
            return help(rest);
        }
        Command command = commands.get(name);
        if (command == null) {
            cli.err.println("ioap: unknown command '" + name + "'");
            help(cli.err);
            return Ioap.USAGE;
        }
        if (rest.contains("--help") || rest.contains("-h")) {
            cli.out.print(command.usage());
            return Ioap.OK;
        }
        try {
            return command.run(Args.parse(name, rest, command.valued(), command.flags()), cli);
        } catch (CliException e) {
            cli.err.println("ioap " + name + ": " + e.getMessage());
            return e.exitCode();
        } catch (RuntimeException e) {
            cli.err.println("ioap " + name + ": unexpected failure: " + e);
            return Ioap.FAILED;
        }
    }

    private int help(List<String> rest) {
        if (rest.isEmpty()) {
            help(cli.out);
            return Ioap.OK;
        }
        Command command = commands.get(rest.get(0));
        if (command == null) {
            cli.err.println("ioap help: unknown command '" + rest.get(0) + "'");
            help(cli.err);
            return Ioap.USAGE;
        }
        cli.out.print(command.usage());
        return Ioap.OK;
    }

    private void help(PrintStream to) {
        to.println("ioap: talk to an AIConexus Gateway as a signed IoAP v1 agent");
        to.println();
        to.println("Usage: ioap COMMAND [OPTIONS]   (ioap help COMMAND for its options)");
        to.println();
        for (Command command : commands.values()) {
            to.println(String.format("  %-18s %s", command.name(), command.summary()));
        }
        to.println(String.format("  %-18s %s", "help", "this list, or one command's options"));
        to.println();
        to.println("Environment: " + Ioap.ENV_GATEWAY + " (gateway address, default ws://127.0.0.1:8000/ws), "
                + Ioap.ENV_KEY + " (key file, default ~/" + Cli.DEFAULT_KEY + ")");
        to.println("Exit codes: 0 ok, 1 failed, 2 bad arguments, 3 gateway not reachable, 4 registration refused, "
                + "5 bad key file");
    }
}
