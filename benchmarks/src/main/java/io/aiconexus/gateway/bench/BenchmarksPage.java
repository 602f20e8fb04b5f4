package io.aiconexus.gateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aiconexus.gateway.bench.jmh.JmhTable;

/**
 * Writes the measured part of {@code docs/BENCHMARKS.md} from one run of {@code benchmarks/run-benchmarks}:
 * the targets of the performance issue, each with the figure measured against it and by how much it is met
 * or missed; the cost per routed frame beside the raw Ed25519 verification and NATS, as ratios; the scenario
 * and micro-benchmark tables; start-up times; and the profiles that say where the time goes. Everything
 * between the two marker lines is replaced; the rest of the page is kept as written.
 *
 * <p>Usage: {@code BenchmarksPage RESULTS_DIR PAGE COMMAND}, where RESULTS_DIR holds {@code jmh.json},
 * {@code scenarios/NAME.runK.json}, {@code startup.json} and {@code profiles/*.txt}.
 *
 * <p>The cost targets are judged per repetition when {@code run-scenarios} measured the raw verification
 * ({@code scenarios/raw-verify.runK.json}, JMH's JSON) next to the closed-loop runs: each repetition's
 * gateway figure against that repetition's raw verify and NATS, the median ratio deciding.
 */
public final class BenchmarksPage {
    static final String BEGIN = "<!-- BEGIN MEASURED: written by benchmarks/run-benchmarks; edits here are overwritten -->";
    static final String END = "<!-- END MEASURED -->";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern RUN_FILE = Pattern.compile("(.+)\\.run(\\d+)\\.json");
    private static final String RAW_VERIFY = "raw-verify";

    private final Path results;
    /** The load reports by scenario, each scenario's by run number. */
    private final Map<String, TreeMap<Integer, JsonNode>> scenarios = new LinkedHashMap<>();
    private final Map<Integer, Double> rawVerifyRuns = new TreeMap<>();
    private final JsonNode jmh;
    private final JsonNode startup;

    private BenchmarksPage(Path results) throws IOException {
        this.results = results;
        Path dir = results.resolve("scenarios");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    Matcher run = RUN_FILE.matcher(file.getFileName().toString());
                    JsonNode report = readOrNull(file);
                    if (report == null || !run.matches()) {
                        continue;
                    }
                    String name = run.group(1);
                    int index = Integer.parseInt(run.group(2));
                    if (name.equals(RAW_VERIFY)) {
                        double cpu = rawVerifyMicros(report);
                        if (!Double.isNaN(cpu)) {
                            rawVerifyRuns.put(index, cpu);
                        }
                    } else if (report.has("join")) {
                        scenarios.computeIfAbsent(name, k -> new TreeMap<>()).put(index, report);
                    }
                }
            }
        }
        jmh = readOrNull(results.resolve("jmh.json"));
        startup = readOrNull(results.resolve("startup.json"));
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: BenchmarksPage <results dir> <docs/BENCHMARKS.md> <the command that made the results>");
            System.exit(2);
        }
        Path page = Path.of(args[1]);
        String measured = measuredSection(Path.of(args[0]), args[2]);
        String text = Files.exists(page) ? Files.readString(page) : "# Benchmarks\n\n";
        Files.writeString(page, replaceSection(text, measured));
        System.out.println("wrote the measured section of " + page);
    }

    /** The measured section, markers included, for the results in {@code results}. */
    static String measuredSection(Path results, String command) throws IOException {
        return new BenchmarksPage(results).render(command);
    }

    /** {@code page} with its measured section replaced, or {@code measured} appended when it has none. */
    static String replaceSection(String page, String measured) {
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        return begin >= 0 && end > begin
                ? page.substring(0, begin) + measured + page.substring(end + END.length())
                : page + "\n" + measured + "\n";
    }

    private String render(String command) throws IOException {
        StringBuilder out = new StringBuilder(BEGIN).append("\n\n## Latest run\n\n");
        out.append(Machine.describe(command)).append('\n');
        out.append("### Targets\n\n").append(targets()).append('\n');
        out.append("### Cost per routed frame, side by side\n\n").append(costTable()).append('\n');
        out.append("### Start-up\n\n").append(startupText()).append('\n');
        out.append(scenarioTables());
        if (jmh != null) {
            out.append("### Micro-benchmarks (`benchmarks/run-jmh`)\n\n").append(JmhTable.render(jmh)).append('\n');
        }
        out.append(profiles());
        return out.append(END).toString();
    }

    private String targets() {
        StringBuilder t = new StringBuilder("| target | goal | measured | verdict |\n|---|---|---|---|\n");
        t.append(costRow("CPU per routed, verified frame", "≤ 1.2 × (raw verify + NATS per frame)", "closed-enforce", true));
        t.append(costRow("CPU per routed frame, verification off", "≤ 1.2 × NATS per frame", "closed-off", false));
        t.append(scaleRow());
        double join = median("join-1000-warm", "join", "latency_ms", "p99");
        double cold = median("join-1000", "join", "latency_ms", "p99");
        double natsJoin = median("nats-join-1000-warm", "join", "latency_ms", "p99");
        t.append(row("join p99, 1,000 agents joining together", "< 20 ms",
                Double.isNaN(join) ? "not run" : String.format(Locale.ROOT, "%.1f ms after a first wave of 1,000 "
                        + "(%.1f ms on a fresh gateway; NATS with the same generator: %s)", join, cold,
                        Double.isNaN(natsJoin) ? "not run" : String.format(Locale.ROOT, "%.1f ms", natsJoin)),
                limitVerdict(join, 20)));
        t.append(lossRow());
        double p99 = median("rate5000-enforce", "traffic", "round_trip_ms", "p99");
        double achieved = median("rate5000-enforce", "traffic", "routed_frames_per_second");
        t.append(row("round trip p99 at 5,000 routed frames/s, 1,000 agents", "< 10 ms",
                Double.isNaN(p99) ? "not run" : String.format(Locale.ROOT, "%.1f ms (%,.0f frames/s routed)", p99, achieved),
                limitVerdict(p99, 10)));
        double start = startup == null ? Double.NaN : startup.path("median_ms").asDouble(Double.NaN);
        double fresh = startup == null ? Double.NaN : startup.path("fresh_median_ms").asDouble(Double.NaN);
        t.append(row("start-up, launch to accepting WebSocket connections", "< 2 s",
                Double.isNaN(start) ? "not run" : String.format(Locale.ROOT, "median %,.0f ms of %d %s%s", start,
                        startup.path("runs_ms").size(), Double.isNaN(fresh) ? "starts" : "restarts",
                        Double.isNaN(fresh) ? "" : String.format(Locale.ROOT, " (%,.0f ms with an empty bundle cache and "
                                + "data directory)", fresh)), limitVerdict(start, 2000)));
        return t.toString();
    }

    /**
     * A cost target: the gateway's CPU per frame in {@code scenario} over NATS's (plus the raw verification's, when
     * {@code withRawVerify}), allowed 1.2 ×. Judged per repetition of the cost block, the median ratio deciding; from
     * the medians and the JMH step's raw verification when the results hold no repetition with every figure.
     */
    private String costRow(String target, String goal, String scenario, boolean withRawVerify) {
        List<String> measured = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int run : scenarios.getOrDefault(scenario, new TreeMap<>()).keySet()) {
            double gateway = cpuPerFrame(scenario, run);
            double nats = cpuPerFrame("nats-closed", run);
            double verify = withRawVerify ? rawVerifyRuns.getOrDefault(run, Double.NaN) : 0;
            if (!Double.isNaN(gateway) && !Double.isNaN(nats) && !Double.isNaN(verify)) {
                double ratio = gateway / (verify + nats);
                ratios.add(ratio);
                measured.add(String.format(Locale.ROOT, "run %d: %s, %.2f ×", run,
                        costFigures(gateway, verify, nats, withRawVerify), ratio));
            }
        }
        if (!ratios.isEmpty()) {
            double median = median(ratios);
            return row(target, goal, String.join("; ", measured) + String.format(Locale.ROOT, "; median %.2f ×", median),
                    ratioVerdict(median, 1.2));
        }
        double gateway = median(scenario, "traffic", "gateway_cpu_us_per_routed_frame");
        double nats = median("nats-closed", "traffic", "gateway_cpu_us_per_routed_frame");
        double verify = withRawVerify ? rawVerifyMicros(jmh) : 0;
        double ratio = gateway / (verify + nats);
        return row(target, goal, Double.isNaN(ratio) ? missing(gateway, verify, nats)
                : costFigures(gateway, verify, nats, withRawVerify) + String.format(Locale.ROOT, ": %.2f ×", ratio),
                ratioVerdict(ratio, 1.2));
    }

    private static String costFigures(double gateway, double verify, double nats, boolean withRawVerify) {
        return withRawVerify ? String.format(Locale.ROOT, "%.0f µs vs %.0f + %.0f µs", gateway, verify, nats)
                : String.format(Locale.ROOT, "%.0f µs vs %.0f µs", gateway, nats);
    }

    private double cpuPerFrame(String scenario, int run) {
        JsonNode report = scenarios.getOrDefault(scenario, new TreeMap<>()).get(run);
        JsonNode cpu = report == null ? null : report.path("traffic").path("gateway_cpu_us_per_routed_frame");
        return cpu != null && cpu.isNumber() ? cpu.asDouble() : Double.NaN;
    }

    /** The median of the values that are numbers, NaN when none is. */
    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private String scaleRow() {
        String largest = null;
        int agents = 0;
        for (String name : scenarios.keySet()) {
            if (name.startsWith("idle-")) {
                JsonNode r = scenarios.get(name).firstEntry().getValue();
                if (r.path("join").path("agents").asInt() > agents) {
                    agents = r.path("join").path("agents").asInt();
                    largest = name;
                }
            }
        }
        if (largest == null) {
            return row("20,000 registered agents, all answering", "RSS < 1 GiB", "not run", "not judged");
        }
        JsonNode r = scenarios.get(largest).firstEntry().getValue();
        JsonNode j = r.path("join");
        JsonNode s = r.path("sweep");
        long rssKib = r.path("memory").path("rss_kib_after_join").asLong();
        boolean all = j.path("registered").asInt() == agents && s.path("answered").asInt() == s.path("pairs").asInt();
        String measured = String.format(Locale.ROOT, "%,d of %,d registered, %,d of %,d pairs answered, RSS %,.0f MiB",
                j.path("registered").asInt(), agents, s.path("answered").asInt(), s.path("pairs").asInt(), rssKib / 1024.0);
        String verdict;
        if (agents >= 20_000) {
            verdict = all && rssKib < 1024 * 1024 ? "met" : "missed";
        } else {
            long perAgent = r.path("memory").path("rss_bytes_per_agent").asLong();
            long before = r.path("memory").path("rss_kib_before_join").asLong() * 1024;
            double projected = (before + 20_000.0 * perAgent) / (1024.0 * 1024 * 1024);
            verdict = String.format(Locale.ROOT, "not measured at 20,000: this machine allows %s open files per process "
                    + "(hard limit); projected RSS at 20,000 from this run: %.2f GiB", Machine.openFilesHardLimit(), projected);
        }
        return row("20,000 registered agents, all answering", "RSS < 1 GiB", measured, verdict);
    }

    private String lossRow() {
        long lost = 0;
        int runs = 0;
        List<String> lossy = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Integer, JsonNode>> e : scenarios.entrySet()) {
            for (JsonNode r : e.getValue().values()) {
                if (r.has("traffic")) {
                    runs++;
                    long l = r.path("traffic").path("frames_lost").asLong();
                    lost += l;
                    if (l > 0) {
                        lossy.add(e.getKey());
                    }
                }
                if (r.has("sweep") && r.path("sweep").path("answered").asInt() < r.path("sweep").path("pairs").asInt()) {
                    lossy.add(e.getKey() + " (sweep)");
                }
            }
        }
        return row("zero frames lost", "0 in every scenario", String.format(Locale.ROOT, "%,d lost over %d traffic runs", lost, runs),
                runs == 0 ? "not run" : lossy.isEmpty() ? "met" : "missed in " + String.join(", ", lossy));
    }

    private String costTable() {
        StringBuilder t = new StringBuilder("""
                | workload (closed loop, 100 pairs) | CPU µs per routed frame | × raw verify | × NATS | routed frames/s | round trip p99 ms |
                |---|---:|---:|---:|---:|---:|
                """);
        boolean paired = !rawVerifyRuns.isEmpty();
        double verify = paired ? median(new ArrayList<>(rawVerifyRuns.values())) : rawVerifyMicros(jmh);
        double nats = median("nats-closed", "traffic", "gateway_cpu_us_per_routed_frame");
        t.append(String.format(Locale.ROOT, "| raw Ed25519 verify, Bouncy Castle (JMH, CPU time%s) | %s | 1.00 | %s | | |%n",
                paired ? ", run right before each closed-enforce" : "", fmt(verify), ratio(verify, nats)));
        for (String[] w : new String[][] {{"closed-enforce", "gateway, verification enforce"},
                {"closed-off", "gateway, verification off"}, {"nats-closed", "NATS over WebSocket (no verification)"}}) {
            double cpu = median(w[0], "traffic", "gateway_cpu_us_per_routed_frame");
            t.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", w[1], fmt(cpu), ratio(cpu, verify),
                    ratio(cpu, nats), fmt(median(w[0], "traffic", "routed_frames_per_second")),
                    fmt(median(w[0], "traffic", "round_trip_ms", "p99"))));
        }
        t.append("\nEach figure is the median over the runs of its scenario; CPU is the whole server process "
                + "(utime + stime from /proc) over the measured window, divided by the frames it routed.\n");
        return t.toString();
    }

    private String startupText() {
        if (startup == null) {
            return "Not run.\n";
        }
        boolean restarts = startup.has("fresh_runs_ms");
        String text = restarts
                ? String.format(Locale.ROOT, "%d restarts of one installation through `runtime/bin/gateway` (its bundle "
                        + "cache, data directory and Config Admin store kept, as an operator's restart keeps them), ",
                        startup.path("runs_ms").size())
                : String.format(Locale.ROOT, "%d fresh starts through `runtime/bin/gateway` (empty bundle cache and "
                        + "data directory each time), ", startup.path("runs_ms").size());
        text += times(startup, "");
        if (restarts) {
            text += String.format(Locale.ROOT, " Then %d fresh starts, each with an empty bundle cache, data directory "
                    + "and Config Admin store (as after `bin/gateway --clean` with a new data directory): ",
                    startup.path("fresh_runs_ms").size()) + times(startup, "fresh_");
        }
        JsonNode first = startup.path("first_start_ms");
        return text + (first.isMissingNode() ? "" : String.format(Locale.ROOT, " Before them, the first start after a "
                + "build, which records the class-data-sharing archive the others map, accepted its first upgrade at "
                + "%,d ms.", first.asLong())) + "\n";
    }

    /** Launch to the first upgrade accepted, and, when measured, to the REGISTER acknowledged and /health. */
    private static String times(JsonNode startup, String prefix) {
        String text = String.format(Locale.ROOT, "launch to the first WebSocket upgrade accepted: %s ms; median %,.0f ms.",
                list(startup.path(prefix + "runs_ms")), startup.path(prefix + "median_ms").asDouble());
        if (startup.has(prefix + "registered_median_ms")) {
            text += String.format(Locale.ROOT, " In the same starts, the REGISTER sent on that connection was acknowledged "
                    + "at %s ms (median %,.0f), and `/health` answered at %s ms (median %,.0f).",
                    list(startup.path(prefix + "registered_ms")), startup.path(prefix + "registered_median_ms").asDouble(),
                    list(startup.path(prefix + "health_ms")), startup.path(prefix + "health_median_ms").asDouble());
        }
        return text;
    }

    private static String list(JsonNode values) {
        return values.toString().replaceAll("[\\[\\]]", "").replace(",", ", ");
    }

    private String scenarioTables() throws IOException {
        Path tables = results.resolve("scenarios").resolve("TABLES.md");
        return Files.exists(tables) ? Files.readString(tables).replace("### ", "#### Scenarios: ") + "\n" : "";
    }

    private String profiles() throws IOException {
        Path dir = results.resolve("profiles");
        if (!Files.isDirectory(dir)) {
            return "";
        }
        StringBuilder out = new StringBuilder("### Where the time goes (JFR, `JfrTop`)\n\n");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                out.append("`").append(file.getFileName()).append("` (first lines; the whole summary is kept with the results):\n\n```\n");
                lines.stream().limit(45).forEach(l -> out.append(l).append('\n'));
                out.append("```\n\n");
            }
        }
        return out.toString();
    }

    /** CPU µs of (a), the raw verification, in a JMH result file; NaN when it is not there. */
    private static double rawVerifyMicros(JsonNode jmh) {
        if (jmh == null) {
            return Double.NaN;
        }
        for (JsonNode result : jmh) {
            if (result.path("benchmark").asText().endsWith("SignatureBenchmarks.ed25519Verify")) {
                return result.path("secondaryMetrics").path("·cpu").path("score").asDouble(Double.NaN);
            }
        }
        return Double.NaN;
    }

    /** The median of a numeric field over the runs of a scenario, NaN when it did not run. */
    private double median(String scenario, String... path) {
        return median(scenarios.getOrDefault(scenario, new TreeMap<>()).values().stream().map(r -> {
            JsonNode n = r;
            for (String p : path) {
                n = n.path(p);
            }
            return n.isNumber() || n.isTextual() ? n.asDouble(Double.NaN) : Double.NaN;
        }).toList());
    }

    private static String row(String target, String goal, String measured, String verdict) {
        return "| " + target + " | " + goal + " | " + measured + " | " + verdict + " |\n";
    }

    private static String ratioVerdict(double ratio, double limit) {
        if (Double.isNaN(ratio)) {
            return "not judged";
        }
        return ratio <= limit ? "met" : String.format(Locale.ROOT, "missed: %.2f × the allowed cost", ratio / limit);
    }

    private static String limitVerdict(double value, double limit) {
        if (Double.isNaN(value)) {
            return "not judged";
        }
        double times = value / limit;
        // 2,045 ms against 2 s is 1.02 ×, not "1.0 ×"; a join p99 128 times the goal needs no hundredths
        return value < limit ? "met" : String.format(Locale.ROOT, times < 10 ? "missed: %.2f × the goal"
                : "missed: %.1f × the goal", times);
    }

    private static String missing(double gateway, double verify, double nats) {
        List<String> absent = new ArrayList<>();
        if (Double.isNaN(gateway)) {
            absent.add("gateway scenario");
        }
        if (Double.isNaN(verify)) {
            absent.add("raw verify (JMH)");
        }
        if (Double.isNaN(nats)) {
            absent.add("NATS scenario (benchmarks/install-nats)");
        }
        return "not run: " + String.join(", ", absent);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "n/a" : v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", a / b);
    }

    private static JsonNode readOrNull(Path file) {
        try {
            return Files.exists(file) ? JSON.readTree(file.toFile()) : null;
        } catch (IOException unfinished) {
            return null; // a run that failed half-way: its log says why
        }
    }

    /** What the run ran on, as facts read off this machine. */
    static final class Machine {
        private Machine() {
        }

        static String describe(String command) throws IOException {
            String cpu = firstMatch(Path.of("/proc/cpuinfo"), "model name");
            String mem = firstMatch(Path.of("/proc/meminfo"), "MemTotal");
            return String.format(Locale.ROOT, """
                    - Date: %s
                    - Command: `%s`
                    - Commit: `%s`
                    - Machine: %d cores (%s), %s RAM, kernel %s, open files per process: %s (hard limit)
                    - Java: %s %s; the server processes (gateway, nats-server) and the load generator share the cores
                    - Load average when the page was written: %s
                    """, Instant.now().truncatedTo(ChronoUnit.MINUTES), command, git("rev-parse", "--short", "HEAD"),
                    Runtime.getRuntime().availableProcessors(), cpu, mem, System.getProperty("os.version"),
                    openFilesHardLimit(), System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                    Files.readString(Path.of("/proc/loadavg")).trim());
        }

        static String openFilesHardLimit() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                    if (line.startsWith("Max open files")) {
                        String[] parts = line.trim().split("\\s+");
                        return String.format(Locale.ROOT, "%,d", Long.parseLong(parts[4]));
                    }
                }
            } catch (IOException | RuntimeException unreadable) {
                // not Linux, or another layout
            }
            return "unknown";
        }

        private static String firstMatch(Path file, String key) throws IOException {
            if (!Files.exists(file)) {
                return "unknown";
            }
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        }

        private static String git(String... args) {
            try {
                List<String> command = new ArrayList<>(List.of("git"));
                command.addAll(Arrays.asList(args));
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes()).trim();
                return p.waitFor() == 0 ? out : "unknown";
            } catch (IOException e) {
                return "unknown";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "unknown";
            }
        }
    }
}
