package io.aiconexus.gateway.bench.load;

import java.util.Locale;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The report as people read it, and the percentile block both forms share. */
final class Summary {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Summary() {
    }

    /** p50, p99, p99.9 and max of a histogram of microseconds, in milliseconds. */
    static ObjectNode percentiles(Histogram micros) {
        ObjectNode node = JSON.createObjectNode();
        node.put("count", micros.getTotalCount());
        if (micros.getTotalCount() == 0) {
            return node;
        }
        node.put("p50", ms(micros.getValueAtPercentile(50)));
        node.put("p99", ms(micros.getValueAtPercentile(99)));
        node.put("p999", ms(micros.getValueAtPercentile(99.9)));
        node.put("max", ms(micros.getMaxValue()));
        node.put("mean", ms((long) micros.getMean()));
        return node;
    }

    static String of(JsonNode r) {
        StringBuilder out = new StringBuilder("\n");
        JsonNode g = r.path("gateway");
        // the server under test; reports older than --target are all the gateway's
        String server = r.path("target").asText("gateway");
        line(out, "target", server.equals("nats")
                ? g.path("server").asText("nats-server") + ": routes by subject, verifies no signature"
                : "gateway, verification " + g.path("configuration").path("io.aiconexus.gateway.verification")
                        .path("mode").asText("as configured"));
        line(out, server, g.path("url").asText() + (g.has("startup_ms") ? ", started in " + g.path("startup_ms") + " ms" : ""));
        JsonNode j = r.path("join");
        line(out, "join", String.format(Locale.ROOT, "%d/%d registered in %.1f s (concurrency %d), failures %s",
                j.path("registered").asInt(), j.path("agents").asInt(), j.path("seconds").asDouble(),
                j.path("concurrency").asInt(), j.path("failures")));
        line(out, "join CPU", server + " " + j.path("gateway_cpu_seconds").asText("n/a") + " s, generator "
                + j.path("generator_cpu_seconds").asText() + " s");
        line(out, "join latency", latency(j.path("latency_ms")));
        line(out, "  upgrade", latency(j.path("upgrade_ms")));
        line(out, server.equals("nats") ? "  SUB->PONG" : "  register", latency(j.path("register_ms")));
        line(out, server + " sees", r.path("gateway_connected_agents").asText() + " connected agents");
        JsonNode m = r.path("memory");
        if (m.has("rss_bytes_per_agent") && !m.has("heap_used_after_gc_kib_after_join")) {
            line(out, server + " memory", String.format(Locale.ROOT, "RSS %,d -> %,d KiB: %,d bytes per agent%s",
                    m.path("rss_kib_before_join").asLong(), m.path("rss_kib_after_join").asLong(),
                    m.path("rss_bytes_per_agent").asLong(), m.has("heap_note") ? " (" + m.path("heap_note").asText() + ")" : ""));
        } else if (m.has("rss_bytes_per_agent")) {
            line(out, server + " memory", String.format(Locale.ROOT, "RSS %,d -> %,d KiB: %,d bytes per agent; heap after GC %s -> %s KiB: %s bytes per agent",
                    m.path("rss_kib_before_join").asLong(), m.path("rss_kib_after_join").asLong(),
                    m.path("rss_bytes_per_agent").asLong(), m.path("heap_used_after_gc_kib_before_join").asText("n/a"),
                    m.path("heap_used_after_gc_kib_after_join").asText("n/a"), m.path("heap_bytes_per_agent").asText("n/a")));
        }
        if (r.has("sweep")) {
            JsonNode s = r.path("sweep");
            line(out, "sweep", String.format(Locale.ROOT, "%d/%d pairs answered in %.1f s, failures %s",
                    s.path("answered").asInt(), s.path("pairs").asInt(), s.path("seconds").asDouble(), s.path("failures")));
        }
        if (r.has("traffic")) {
            JsonNode t = r.path("traffic");
            line(out, "traffic", t.path("mode").asText() + ", " + t.path("pairs").asInt() + " pairs, payload "
                    + t.path("payload_bytes").asInt() + " B, window " + t.path("window_seconds").asDouble() + " s");
            line(out, "routed frames/s", t.path("routed_frames_per_second").asText());
            line(out, "round trip", latency(t.path("round_trip_ms")));
            line(out, "frames lost", t.path("frames_lost").asText() + " (timed out " + t.path("round_trips_timed_out")
                    + ", refused " + t.path("round_trips_refused") + ", late answers " + t.path("late_answers") + ")");
            line(out, "errors by code", t.path("errors_by_code").toString());
            line(out, server + " CPU", t.has("gateway_cpu_us_per_routed_frame")
                    ? t.path("gateway_cpu_us_per_routed_frame").asText() + " µs per routed frame ("
                            + t.path("gateway_cpu_cores").asText() + " cores busy)"
                    : "not measured (no " + server + " process: --gateway-pid)");
            if (t.has("gateway_cpu_breakdown")) {
                JsonNode b = t.path("gateway_cpu_breakdown");
                line(out, "  user/system", String.format(Locale.ROOT, "%.2f s / %.2f s; by thread: %s",
                        b.path("user_seconds").asDouble(), b.path("system_seconds").asDouble(), b.path("by_thread")));
            }
            line(out, "generator CPU", t.path("generator_cpu_us_per_routed_frame").asText() + " µs per routed frame ("
                    + t.path("generator_cpu_cores").asText() + " cores busy)");
        }
        line(out, "load average", r.path("load_average_before").asText() + " before, "
                + r.path("load_average_after").asText() + " after");
        line(out, "CPU pressure", r.path("cpu_pressure_before").asText("n/a") + " before, "
                + r.path("cpu_pressure_after").asText("n/a") + " after");
        return out.toString();
    }

    private static String latency(JsonNode p) {
        if (p.path("count").asLong() == 0) {
            return "none recorded";
        }
        return String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms (%,d samples)",
                p.path("p50").asDouble(), p.path("p99").asDouble(), p.path("p999").asDouble(), p.path("max").asDouble(),
                p.path("count").asLong());
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("%-16s %s%n", label + ":", value));
    }

    private static double ms(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }
}
