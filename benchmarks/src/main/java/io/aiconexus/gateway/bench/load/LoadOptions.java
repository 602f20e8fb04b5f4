package io.aiconexus.gateway.bench.load;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The load generator's command line. Every option has a default; {@link #USAGE} says what each does. */
final class LoadOptions {
    static final String USAGE = """
            usage: LoadGenerator [options]
              --start-gateway          start the gateway jar in a private directory (own port, data, config)
              --gateway-jar PATH       the runtime jar to start (default runtime/target/gateway.jar)
              --runtime-dir PATH       directory the gateway runs from (default runtime); its etc/ is copied
              --gateway-java-opts STR  JVM options of the started gateway, e.g. "-XX:StartFlightRecording=..."
              --verification MODE      enforce | audit | off, for the started gateway (default enforce)
              --url URL                a running gateway (default ws://127.0.0.1:8000/ws)
              --gateway-pid PID        its process, for CPU and memory figures read from /proc
              --agents N               agents that connect and register (default 200)
              --connect-concurrency C  joins in flight at once (default 100)
              --pairs P                sender/receiver pairs exchanging OFFER->ANSWER (default min(100, N/2))
              --mode closed|rate       closed loop (next OFFER on ANSWER) or a fixed rate (default closed)
              --rate R                 routed frames per second in rate mode, OFFERs + ANSWERs (default 2000)
              --warmup S               seconds of traffic before the measured window (default 5)
              --duration S             seconds of the measured window; 0: join (and sweep) only (default 20)
              --payload B              SDP size in bytes of every OFFER and ANSWER (default 300)
              --timeout S              an OFFER unanswered this long is lost (default 5)
              --sweep                  before traffic, one OFFER->ANSWER on every agent: all still answer?
              --client-threads T       threads running the agents' callbacks (default 2)
              --no-gc                  skip the full GCs (jcmd) around the join that sharpen memory figures
              --json                   print the results as JSON on stdout (progress stays on stderr)
            """;

    boolean startGateway;
    Path gatewayJar = Path.of("runtime/target/gateway.jar");
    Path runtimeDir = Path.of("runtime");
    List<String> gatewayJavaOpts = new ArrayList<>();
    String verification = "enforce";
    URI url = URI.create("ws://127.0.0.1:8000/ws");
    long gatewayPid = -1;
    int agents = 200;
    int connectConcurrency = 100;
    int pairs = -1;
    boolean closedLoop = true;
    double rate = 2000;
    int warmupSeconds = 5;
    int durationSeconds = 20;
    int payloadBytes = 300;
    int timeoutSeconds = 5;
    boolean sweep;
    int clientThreads = 2;
    boolean gc = true;
    boolean json;
    final List<String> arguments;

    private LoadOptions(String[] args) {
        this.arguments = List.of(args);
    }

    static LoadOptions parse(String[] args) {
        LoadOptions o = new LoadOptions(args);
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            switch (name) {
                case "--start-gateway" -> o.startGateway = true;
                case "--sweep" -> o.sweep = true;
                case "--no-gc" -> o.gc = false;
                case "--json" -> o.json = true;
                case "-h", "--help" -> throw new IllegalArgumentException("");
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(name + " needs a value, or is unknown");
                    }
                    o.set(name, args[++i]);
                }
            }
        }
        if (o.pairs < 0) {
            o.pairs = Math.min(100, o.agents / 2);
        }
        if (o.pairs * 2 > o.agents) {
            throw new IllegalArgumentException("--pairs " + o.pairs + " needs " + o.pairs * 2 + " agents, --agents is "
                    + o.agents);
        }
        if (o.agents < 1 || o.connectConcurrency < 1 || o.rate <= 0 || o.clientThreads < 1 || o.timeoutSeconds < 1) {
            throw new IllegalArgumentException("--agents, --connect-concurrency, --rate, --timeout and "
                    + "--client-threads must be positive");
        }
        if (o.durationSeconds < 0 || o.warmupSeconds < 0 || o.pairs < 0 || o.payloadBytes < 0) {
            throw new IllegalArgumentException("--duration, --warmup, --pairs and --payload cannot be negative");
        }
        return o;
    }

    private void set(String name, String value) {
        try {
            switch (name) {
                case "--gateway-jar" -> gatewayJar = Path.of(value);
                case "--runtime-dir" -> runtimeDir = Path.of(value);
                case "--gateway-java-opts" -> gatewayJavaOpts = value.isBlank() ? new ArrayList<>()
                        : new ArrayList<>(Arrays.asList(value.trim().split("\\s+")));
                case "--verification" -> verification = mode(value);
                case "--url" -> url = URI.create(value);
                case "--gateway-pid" -> gatewayPid = Long.parseLong(value);
                case "--agents" -> agents = Integer.parseInt(value);
                case "--connect-concurrency" -> connectConcurrency = Integer.parseInt(value);
                case "--pairs" -> pairs = Integer.parseInt(value);
                case "--mode" -> closedLoop = switch (value) {
                    case "closed" -> true;
                    case "rate" -> false;
                    default -> throw new IllegalArgumentException("--mode is closed or rate, not " + value);
                };
                case "--rate" -> rate = Double.parseDouble(value);
                case "--warmup" -> warmupSeconds = Integer.parseInt(value);
                case "--duration" -> durationSeconds = Integer.parseInt(value);
                case "--payload" -> payloadBytes = Integer.parseInt(value);
                case "--timeout" -> timeoutSeconds = Integer.parseInt(value);
                case "--client-threads" -> clientThreads = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number, not " + value, e);
        }
    }

    private static String mode(String value) {
        if (!List.of("enforce", "audit", "off").contains(value)) {
            throw new IllegalArgumentException("--verification is enforce, audit or off, not " + value);
        }
        return value;
    }
}
