package io.aiconexus.gateway.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.aiconexus.gateway.cli.Ioap;

/**
 * A command's arguments: {@code --name value}, {@code --name=value}, flags, and positionals in
 * order; {@code --} ends the options. Only the options a command declares are accepted.
 */
final class Args {
    private final Map<String, List<String>> options = new LinkedHashMap<>();
    private final List<String> positionals = new ArrayList<>();

    /**
     * @param valued options that take a value
     * @param flags  options that take none
     */
    static Args parse(String command, List<String> args, Set<String> valued, Set<String> flags) throws CliException {
        Args parsed = new Args();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("--") || arg.length() == 2) {
                if (arg.equals("--") && !optionsEnded) {
                    optionsEnded = true;
                } else {
                    parsed.positionals.add(arg);
                }
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
            String value;
            if (valued.contains(name)) {
                if (equals >= 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw usage(command, "option --" + name + " needs a value");
                }
            } else if (flags.contains(name)) {
                if (equals >= 0) {
                    throw usage(command, "option --" + name + " takes no value");
                }
                value = "";
            } else {
                throw usage(command, "unknown option --" + name);
            }
            parsed.options.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parsed;
    }

    static CliException usage(String command, String problem) {
        return new CliException(Ioap.USAGE, problem + " (see 'ioap help " + command + "')");
    }

    boolean has(String name) {
        return options.containsKey(name);
    }

    /** The last value given for {@code name}, or {@code fallback}. */
    String get(String name, String fallback) {
        List<String> values = options.get(name);
        return values == null ? fallback : values.get(values.size() - 1);
    }

    List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    List<String> positionals() {
        return positionals;
    }

    /** Option {@code name} as a whole number in [{@code min}, {@code max}], or {@code fallback}. */
    long number(String command, String name, long fallback, long min, long max) throws CliException {
        String text = get(name, null);
        if (text == null) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw usage(command, "--" + name + " must be a whole number, not '" + text + "'");
        }
        if (value < min || value > max) {
            throw usage(command, "--" + name + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }
}
