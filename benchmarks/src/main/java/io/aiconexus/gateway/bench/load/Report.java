package io.aiconexus.gateway.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The parts of the JSON report: join, memory, traffic. Field names are what scripts read; keep them. */
final class Report {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Report() {
    }

    /** RSS, threads and (with {@code gc}) heap after a full GC of the gateway, under keys ending in {@code when}. */
    static void measureMemory(ObjectNode memory, String when, long pid, boolean gc) {
        if (pid <= 0) {
            memory.put("note", "no gateway process known (--start-gateway or --gateway-pid): memory not measured");
            return;
        }
        if (gc) {
            memory.put("heap_used_after_gc_kib_" + when, ProcStats.heapUsedAfterGcKib(pid));
        }
        memory.put("rss_kib_" + when, ProcStats.rssKib(pid));
        memory.put("threads_" + when, ProcStats.threads(pid));
    }

    /** The growth from before to after the join, per registered agent. */
    static void perAgent(ObjectNode memory, int agents) {
        if (!memory.has("rss_kib_after_join") || agents == 0) {
            return;
        }
        long rss = memory.get("rss_kib_after_join").asLong() - memory.get("rss_kib_before_join").asLong();
        memory.put("rss_bytes_per_agent", rss * 1024 / agents);
        if (memory.has("heap_used_after_gc_kib_after_join") && memory.get("heap_used_after_gc_kib_before_join").asLong() >= 0) {
            long heap = memory.get("heap_used_after_gc_kib_after_join").asLong()
                    - memory.get("heap_used_after_gc_kib_before_join").asLong();
            memory.put("heap_bytes_per_agent", heap * 1024 / agents);
        }
    }

    /** The gateway's /health, next to its WebSocket endpoint {@code ws}. */
    static URI health(URI ws) {
        return URI.create((ws.getScheme().equals("wss") ? "https" : "http") + "://" + ws.getAuthority() + "/health");
    }

    /**
     * The connections the server says it holds: {@code field} of the JSON at {@code status} (the gateway's
     * /health, nats-server's /varz); -1 when unknown.
     */
    static long connectedAgents(HttpClient http, URI status, String field) {
        if (status == null) {
            return -1;
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(status).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body()).path(field).asLong(-1);
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static ObjectNode join(Joiner.Result join, LoadOptions options) {
        ObjectNode node = JSON.createObjectNode();
        node.put("agents", options.agents);
        node.put("concurrency", options.connectConcurrency);
        node.put("registered", join.registered().size());
        node.set("failures", JSON.valueToTree(join.failures()));
        node.put("seconds", round(join.seconds(), 2));
        node.put("joins_per_second", round(join.registered().size() / join.seconds(), 1));
        node.set("latency_ms", Summary.percentiles(join.latencyMicros()));
        node.set("upgrade_ms", Summary.percentiles(join.upgradeMicros()));
        node.set("register_ms", Summary.percentiles(join.registerMicros()));
        return node;
    }

    static ObjectNode traffic(Traffic.Result traffic, int pairs, LoadOptions options) {
        Counters c = traffic.counters();
        ObjectNode node = JSON.createObjectNode();
        node.put("mode", options.closedLoop ? "closed" : "rate");
        if (!options.closedLoop) {
            node.put("target_routed_frames_per_second", options.rate);
        }
        node.put("pairs", pairs);
        node.put("payload_bytes", options.payloadBytes);
        node.put("warmup_seconds", options.warmupSeconds);
        node.put("window_seconds", round(traffic.windowSeconds(), 2));
        node.put("offers_sent", c.offersSent.sum());
        node.put("offers_delivered", c.offersReceived.sum());
        node.put("answers_sent", c.answersSent.sum());
        node.put("answers_delivered", c.answersReceived.sum());
        node.put("routed_frames_in_window", c.deliveredInWindow.sum());
        node.put("routed_frames_per_second", round(c.deliveredInWindow.sum() / traffic.windowSeconds(), 1));
        node.put("round_trips_measured", traffic.roundTripMicros().getTotalCount());
        node.set("round_trip_ms", Summary.percentiles(traffic.roundTripMicros()));
        node.put("frames_lost", c.framesLost());
        node.put("round_trips_timed_out", c.timedOut.sum());
        node.put("round_trips_refused", c.refused.sum());
        node.put("late_answers", c.lateAnswers.sum());
        node.put("unexpected_frames", c.unexpected.sum());
        node.set("errors_by_code", JSON.valueToTree(c.errors()));
        node.set("closed_connections", JSON.valueToTree(c.closes()));
        node.put("drain_seconds", round(traffic.drainSeconds(), 2));
        long routed = c.deliveredInWindow.sum();
        if (traffic.gatewayCpuMicros() >= 0) {
            node.put("gateway_cpu_seconds", round(traffic.gatewayCpuMicros() / 1e6, 2));
            node.put("gateway_cpu_cores", round(traffic.gatewayCpuMicros() / 1e6 / traffic.windowSeconds(), 2));
            node.put("gateway_cpu_us_per_routed_frame", routed == 0 ? null : round((double) traffic.gatewayCpuMicros() / routed, 1));
        }
        if (traffic.gatewayThreads() != null) {
            node.set("gateway_cpu_breakdown", traffic.gatewayThreads());
        }
        node.put("generator_cpu_cores", round(traffic.clientCpuMicros() / 1e6 / traffic.windowSeconds(), 2));
        node.set("generator_cpu_breakdown", traffic.generatorThreads());
        node.put("generator_cpu_us_per_routed_frame", routed == 0 ? null : round((double) traffic.clientCpuMicros() / routed, 1));
        return node;
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
