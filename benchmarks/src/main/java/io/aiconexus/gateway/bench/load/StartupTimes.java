package io.aiconexus.gateway.bench.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.bench.Platform;

/**
 * Starts the runtime N times as operators do ({@code bin/gateway}), each with an empty bundle cache, data
 * directory and Config Admin store, and times, from launch: the first WebSocket upgrade accepted (the start-up
 * target), the REGISTER an agent sent on that connection acknowledged, and {@code /health} answering. The
 * class-data-sharing archive of {@code bin/gateway} is removed first, so a first start records it (timed on its
 * own: the start after every build) and the N starts use it. Prints JSON: the first start, every run and the
 * medians. Usage: {@code StartupTimes GATEWAY_JAR RUNTIME_DIR [RUNS]}.
 */
public final class StartupTimes {

    private StartupTimes() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: StartupTimes <runtime/target/gateway.jar> <runtime dir> [runs, default 5]");
            System.exit(2);
        }
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path jar = Path.of(args[0]);
        Path runtime = Path.of(args[1]);
        String archives = System.getenv("GATEWAY_CDS_DIR"); // where bin/gateway keeps them, as it reads it
        GatewayProcess.deleteTree(archives == null || archives.isBlank() ? runtime.resolve("target").resolve("cds")
                : Path.of(archives));
        long first;
        Platform platform = new Platform();
        StartupProbe recording = new StartupProbe(platform);
        try (GatewayProcess gateway = GatewayProcess.start(jar, runtime, List.of(), Map.of(), recording)) {
            first = recording.webSocketMillis;
            System.err.printf("first start (records the class archive): WebSocket %d ms%n", first);
        }
        List<Long> webSocket = new ArrayList<>();
        List<Long> registered = new ArrayList<>();
        List<Long> health = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            StartupProbe probe = new StartupProbe(platform);
            try (GatewayProcess gateway = GatewayProcess.start(jar, runtime, List.of(), Map.of(), probe)) {
                webSocket.add(probe.webSocketMillis);
                registered.add(probe.registeredMillis);
                health.add(probe.healthMillis);
                System.err.printf("start %d: WebSocket %d ms, REGISTER acknowledged %d ms, /health %d ms%n", i + 1,
                        probe.webSocketMillis, probe.registeredMillis, probe.healthMillis);
            }
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode report = json.createObjectNode();
        report.put("first_start_ms", first);
        report.set("runs_ms", json.valueToTree(webSocket));
        report.put("median_ms", median(webSocket));
        report.set("registered_ms", json.valueToTree(registered));
        report.put("registered_median_ms", median(registered));
        report.set("health_ms", json.valueToTree(health));
        report.put("health_median_ms", median(health));
        report.put("load_average_after", Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(report));
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
