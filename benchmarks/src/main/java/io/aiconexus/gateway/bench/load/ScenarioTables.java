package io.aiconexus.gateway.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns the JSON reports of {@code run-scenarios} (one file per scenario run, {@code NAME.runK.json})
 * into Markdown tables: joins, traffic, idle scale. Usage: {@code ScenarioTables DIR}.
 */
public final class ScenarioTables {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScenarioTables() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ScenarioTables <directory of NAME.runK.json reports>");
            System.exit(2);
        }
        List<Path> reports = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().forEach(reports::add);
        }
        StringBuilder join = new StringBuilder("""
                | run | agents (concurrency) | registered | failures | wall s | join p50 / p99 / p99.9 / max ms | upgrade p50 / p99 ms | REGISTER->ack p50 / p99 ms | gateway CPU s | busy before: load 1 min / CPU pressure 10 s |
                |---|---:|---:|---|---:|---:|---:|---:|---:|---:|
                """);
        StringBuilder traffic = new StringBuilder("""
                | run | verification | mode | pairs | routed frames/s | round trip p50 / p99 / p99.9 / max ms | frames lost | timed out | errors | gateway CPU µs/frame | gateway cores (user+sys s) | generator cores | busy before: load 1 min / CPU pressure 10 s |
                |---|---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|
                """);
        StringBuilder scale = new StringBuilder("""
                | run | agents | registered | join wall s | join p99 ms | sweep answered | gateway RSS before -> after KiB | RSS per agent | heap after GC per agent | gateway threads after | busy before: load 1 min / CPU pressure 10 s |
                |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
                """);
        for (Path file : reports) {
            JsonNode r;
            try {
                r = JSON.readTree(file.toFile());
            } catch (IOException unfinished) {
                continue; // a run still going, or one that failed: its log says why
            }
            if (r == null || !r.has("join")) {
                continue;
            }
            String run = file.getFileName().toString().replace(".json", "");
            JsonNode j = r.path("join");
            JsonNode m = r.path("memory");
            join.append(String.format(Locale.ROOT, "| %s | %d (%d) | %d | %s | %.1f | %s | %s | %s | %s | %s |%n", run,
                    j.path("agents").asInt(), j.path("concurrency").asInt(), j.path("registered").asInt(),
                    failures(j.path("failures")), j.path("seconds").asDouble(), four(j.path("latency_ms")),
                    two(j.path("upgrade_ms")), two(j.path("register_ms")), j.path("gateway_cpu_seconds").asText("n/a"),
                    busy(r)));
            if (r.has("traffic")) {
                JsonNode t = r.path("traffic");
                JsonNode b = t.path("gateway_cpu_breakdown");
                traffic.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %,.0f | %s | %d | %d | %s | %s | %s (%.1f+%.1f) | %s | %s |%n",
                        run, verification(r), t.path("mode").asText() + (t.has("target_routed_frames_per_second")
                                ? String.format(Locale.ROOT, " %,.0f/s", t.path("target_routed_frames_per_second").asDouble()) : ""),
                        t.path("pairs").asInt(), t.path("routed_frames_per_second").asDouble(), four(t.path("round_trip_ms")),
                        t.path("frames_lost").asLong(), t.path("round_trips_timed_out").asLong(),
                        failures(t.path("errors_by_code")), t.path("gateway_cpu_us_per_routed_frame").asText("n/a"),
                        t.path("gateway_cpu_cores").asText("n/a"), b.path("user_seconds").asDouble(),
                        b.path("system_seconds").asDouble(), t.path("generator_cpu_cores").asText(),
                        busy(r)));
            }
            if (r.has("sweep")) {
                JsonNode s = r.path("sweep");
                scale.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %d/%d | %,d -> %,d | %,d B | %s | %s | %s |%n", run,
                        j.path("agents").asInt(), j.path("registered").asInt(), j.path("seconds").asDouble(),
                        j.path("latency_ms").path("p99").asDouble(), s.path("answered").asInt(), s.path("pairs").asInt(),
                        m.path("rss_kib_before_join").asLong(), m.path("rss_kib_after_join").asLong(),
                        m.path("rss_bytes_per_agent").asLong(),
                        m.has("heap_bytes_per_agent") ? String.format(Locale.ROOT, "%,d B", m.path("heap_bytes_per_agent").asLong()) : "n/a",
                        m.path("threads_after_join").asText("n/a"), busy(r)));
            }
        }
        System.out.println("### Join\n\n" + join + "\n### Traffic\n\n" + traffic + "\n### Idle scale\n\n" + scale
                + "\nIn runs against nats-server (verification \"none (nats)\", names nats-*), the gateway columns are"
                + " nats-server's and REGISTER->ack is SUB + PING -> PONG; it routes the same signed envelopes without"
                + " verifying them.");
    }

    /** How busy the machine was as the run began: 1-minute load average and the CPU pressure over 10 s. */
    private static String busy(JsonNode report) {
        String load = report.path("load_average_before").asText("? ").split(" ")[0];
        String pressure = report.path("cpu_pressure_before").asText("");
        int at = pressure.indexOf("avg10=");
        return load + " / " + (at < 0 ? "n/a" : pressure.substring(at + 6).split(" ")[0] + "%");
    }

    private static String verification(JsonNode report) {
        if (report.path("target").asText("gateway").equals("nats")) {
            return "none (nats)";
        }
        return report.path("gateway").path("configuration").path("io.aiconexus.gateway.verification").path("mode")
                .asText("as configured");
    }

    private static String failures(JsonNode counts) {
        return counts.isEmpty() ? "none" : counts.toString().replace("|", "/");
    }

    private static String four(JsonNode p) {
        return p.path("count").asLong() == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f / %.2f / %.2f / %.2f",
                p.path("p50").asDouble(), p.path("p99").asDouble(), p.path("p999").asDouble(), p.path("max").asDouble());
    }

    private static String two(JsonNode p) {
        return p.path("count").asLong() == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f / %.2f",
                p.path("p50").asDouble(), p.path("p99").asDouble());
    }
}
