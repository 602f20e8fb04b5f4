package io.aiconexus.gateway.bench.jmh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Prints the results JMH wrote ({@code -rf json}) as a Markdown table, each cost also as a multiple
 * of (a), the raw Ed25519 verification: how far the gateway is from the limit. Usage:
 * {@code JmhTable target/jmh.json}.
 */
public final class JmhTable {
    private static final String PACKAGE = JmhTable.class.getPackageName() + ".";

    /** Row key (benchmark, or benchmark:param) to its label, in table order. */
    private static final Map<String, String> ROWS = new LinkedHashMap<>();

    static {
        ROWS.put("SignatureBenchmarks.ed25519Verify", "(a) raw Ed25519 verify, decoded key (Bouncy Castle), 1,024 distinct signatures");
        ROWS.put("SignatureBenchmarks.ed25519VerifySame", "(a1) the same, one signature verified again and again");
        ROWS.put("SignatureBenchmarks.ed25519VerifyKeyBytes", "(a') raw Ed25519 verify from key bytes (cache miss)");
        ROWS.put("SignatureBenchmarks.canonicalize", "(b) RFC 8785 signing input of the OFFER");
        ROWS.put("SignatureBenchmarks.envelopeVerify", "(c) envelope verify: (b) + (a), warm key cache");
        ROWS.put("CodecBenchmark.parse", "(d) codec parse of the frame text");
        ROWS.put("FramePathBenchmark.route:enforce", "(e) frame path, verification enforce");
        ROWS.put("FramePathBenchmark.route:off", "(f) frame path, verification off");
    }

    private JmhTable() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: JmhTable <jmh results json>");
            System.exit(2);
        }
        System.out.print(render(new ObjectMapper().readTree(Path.of(args[0]).toFile())));
    }

    public static String render(JsonNode results) {
        Map<String, Row> wall = new LinkedHashMap<>();
        Map<String, Row> cpu = new LinkedHashMap<>();
        for (JsonNode result : results) {
            String key = result.path("benchmark").asText().replace(PACKAGE, "");
            JsonNode params = result.path("params");
            if (params.has("verification")) {
                key += ":" + params.path("verification").asText();
            }
            wall.put(key, Row.of(result.path("primaryMetric")));
            JsonNode cpuMetric = result.path("secondaryMetrics").path("·cpu");
            if (!cpuMetric.isMissingNode()) {
                cpu.put(key, Row.of(cpuMetric));
            }
        }
        String limitKey = "SignatureBenchmarks.ed25519Verify";
        Row wallLimit = wall.get(limitKey);
        Row cpuLimit = cpu.get(limitKey);
        StringBuilder out = new StringBuilder();
        out.append("| benchmark | wall µs/op (± 99.9% CI) | wall min–max | CPU µs/op | CPU min–max | × (a) by CPU | × (a) by wall |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|\n");
        List<String> keys = new ArrayList<>(ROWS.keySet());
        wall.keySet().stream().filter(k -> !ROWS.containsKey(k)).forEach(keys::add);
        for (String key : keys) {
            Row w = wall.get(key);
            if (w == null) {
                continue;
            }
            Row c = cpu.get(key);
            out.append(String.format(Locale.ROOT, "| %s | %.2f (± %.2f) | %.2f–%.2f | %s | %s | %s | %s |%n",
                    ROWS.getOrDefault(key, key), w.score, w.error, w.min, w.max,
                    c == null ? "n/a" : String.format(Locale.ROOT, "%.2f", c.score),
                    c == null ? "n/a" : String.format(Locale.ROOT, "%.2f–%.2f", c.min, c.max),
                    ratio(c, cpuLimit), ratio(w, wallLimit)));
        }
        out.append('\n');
        summary(out, wall, cpu, "SignatureBenchmarks.envelopeVerify", "(c)/(a) envelope verify vs raw verify");
        summary(out, wall, cpu, "FramePathBenchmark.route:enforce", "(e)/(a) whole frame path vs raw verify");
        summary(out, wall, cpu, "FramePathBenchmark.route:off", "(f)/(a) frame path without verification vs raw verify");
        Row enforce = cpu.containsKey("FramePathBenchmark.route:enforce") ? cpu.get("FramePathBenchmark.route:enforce")
                : wall.get("FramePathBenchmark.route:enforce");
        Row off = cpu.containsKey("FramePathBenchmark.route:off") ? cpu.get("FramePathBenchmark.route:off")
                : wall.get("FramePathBenchmark.route:off");
        if (enforce != null && off != null) {
            out.append(String.format(Locale.ROOT, "- (e)-(f) what verification adds to the frame path: %.2f µs %s%n",
                    enforce.score - off.score, cpu.isEmpty() ? "(wall)" : "(CPU)"));
        }
        return out.toString();
    }

    private static String ratio(Row row, Row limit) {
        return row == null || limit == null ? "n/a" : String.format(Locale.ROOT, "%.2f", row.score / limit.score);
    }

    /**
     * A ratio by CPU time (what a frame costs the machine) and by wall time (what JMH measures; on a
     * busy machine it includes waiting for a core).
     */
    private static void summary(StringBuilder out, Map<String, Row> wall, Map<String, Row> cpu, String key, String label) {
        String limitKey = "SignatureBenchmarks.ed25519Verify";
        if (wall.get(key) == null || wall.get(limitKey) == null) {
            return;
        }
        out.append(String.format(Locale.ROOT, "- %s: %s by CPU, %s by wall%n", label,
                ratio(cpu.get(key), cpu.get(limitKey)), ratio(wall.get(key), wall.get(limitKey))));
    }

    private record Row(double score, double error, double min, double max) {
        static Row of(JsonNode metric) {
            double min = Double.MAX_VALUE;
            double max = 0;
            for (JsonNode fork : metric.path("rawData")) {
                for (JsonNode iteration : fork) {
                    min = Math.min(min, iteration.asDouble());
                    max = Math.max(max, iteration.asDouble());
                }
            }
            double error = metric.path("scoreError").asDouble();
            return new Row(metric.path("score").asDouble(), Double.isNaN(error) ? 0 : error,
                    min == Double.MAX_VALUE ? 0 : min, max);
        }
    }
}
