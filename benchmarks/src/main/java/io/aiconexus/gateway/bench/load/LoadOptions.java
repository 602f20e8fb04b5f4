package io.aiconexus.gateway.bench.load;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The load generator's command line. Every option has a default; {@link #USAGE} says what each does. */
final class LoadOptions {
    static final String USAGE = """
            usage: LoadGenerator [options]
              --target gateway|nats    the server under test (default gateway). nats: Debian's nats-server
                                       over NATS-over-WebSocket, the same signed envelopes published to the
                                       recipient's DID as subject; it routes without verifying signatures,
                                       so --verification enforce/audit is refused (off is accepted)
              --nats-server PATH       the nats-server to start (default nats-server on PATH, else
                                       /usr/sbin/nats-server; benchmarks/install-nats installs it)
              --start-gateway          start the server under test in a private directory (own ports, data,
                                       config); implied by --target nats without --url
              --gateway-jar PATH       the runtime jar to start (default runtime/target/gateway.jar)
              --runtime-dir PATH       directory the gateway runs from (default runtime); its etc/ is copied
              --gateway-java-opts STR  JVM options of the started gateway, e.g. "-XX:StartFlightRecording=..."
              --verification MODE      enforce | audit | off, for the started gateway (default enforce)
              --url URL                a running gateway (default ws://127.0.0.1:8000/ws), or nats-server's
                                       WebSocket listener with --target nats
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
              --join-warmup N          before the measured join, N other agents join and leave (default 0)
              --client-threads T       threads running the agents' callbacks (default 2)
              --no-gc                  skip the full GCs (jcmd) around the join that sharpen memory figures
                                       (never run for nats-server, not a JVM: RSS only)
              --json                   print the results as JSON on stdout (progress stays on stderr)
            """;

    /** The server under test. */
    enum Target {
        GATEWAY, NATS;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    Target target = Target.GATEWAY;
    Path natsServer = defaultNatsServer();
    boolean startGateway;
    Path gatewayJar = Path.of("runtime/target/gateway.jar");
    Path runtimeDir = Path.of("runtime");
    List<String> gatewayJavaOpts = new ArrayList<>();
    String verification = "enforce";
    private boolean verificationGiven;
    private boolean urlGiven;
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
    int joinWarmup;
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
        if (o.target == Target.NATS) {
            if (o.verificationGiven && !o.verification.equals("off")) {
                throw new IllegalArgumentException("--verification " + o.verification + " does not apply to --target nats:"
                        + " nats-server verifies no signatures (leave --verification out)");
            }
            o.verification = "none";
            if (!o.urlGiven) {
                o.startGateway = true;
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
        if (o.durationSeconds < 0 || o.warmupSeconds < 0 || o.pairs < 0 || o.payloadBytes < 0 || o.joinWarmup < 0) {
            throw new IllegalArgumentException("--duration, --warmup, --pairs, --payload and --join-warmup cannot be "
                    + "negative");
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
                case "--target" -> target = switch (value) {
                    case "gateway" -> Target.GATEWAY;
                    case "nats" -> Target.NATS;
                    default -> throw new IllegalArgumentException("--target is gateway or nats, not " + value);
                };
                case "--nats-server" -> natsServer = Path.of(value);
                case "--verification" -> {
                    verification = mode(value);
                    verificationGiven = true;
                }
                case "--url" -> {
                    url = URI.create(value);
                    urlGiven = true;
                }
                case "--gateway-pid" -> gatewayPid = Long.parseLong(value);
                case "--agents" -> agents = Integer.parseInt(value);
                case "--connect-concurrency" -> connectConcurrency = Integer.parseInt(value);
                case "--pairs" -> pairs = Integer.parseInt(value);
                case "--join-warmup" -> joinWarmup = Integer.parseInt(value);
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

    /** nats-server on PATH, else where Debian's package puts it. */
    private static Path defaultNatsServer() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, "nats-server");
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return Path.of("/usr/sbin/nats-server");
    }

    private static String mode(String value) {
        if (!List.of("enforce", "audit", "off").contains(value)) {
            throw new IllegalArgumentException("--verification is enforce, audit or off, not " + value);
        }
        return value;
    }
}
