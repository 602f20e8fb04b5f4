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
 * Times the runtime's start as operators start it ({@code bin/gateway}), from launch: the first WebSocket upgrade
 * accepted (the start-up target), the REGISTER an agent sent on that connection acknowledged, and {@code /health}
 * answering. The class-data-sharing archive of {@code bin/gateway} is removed first, so the first start records it
 * (timed on its own: the first start after every build, with an empty bundle cache and data directory). Then RUNS
 * restarts of that installation (its bundle cache, data directory and Config Admin store kept, as an operator's
 * restart keeps them: the target's figure), and RUNS fresh starts, each with an empty bundle cache, data directory
 * and Config Admin store (as after {@code bin/gateway --clean} with a new data directory). Prints JSON: the first
 * start, every run and the medians. Usage: {@code StartupTimes GATEWAY_JAR RUNTIME_DIR [RUNS]}.
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
        Platform platform = new Platform();
        StartupProbe recording = new StartupProbe(platform);
        GatewayProcess installation = GatewayProcess.start(jar, runtime, List.of(), Map.of(), recording);
        long first = recording.webSocketMillis;
        System.err.printf("first start (records the class archive): WebSocket %d ms%n", first);
        Starts restarts = new Starts();
        try {
            for (int i = 0; i < runs; i++) {
                installation.stop();
                StartupProbe probe = new StartupProbe(platform);
                installation = installation.restart(probe);
                restarts.add(probe, "restart " + (i + 1));
            }
        } finally {
            installation.close();
        }
        Starts fresh = new Starts();
        for (int i = 0; i < runs; i++) {
            StartupProbe probe = new StartupProbe(platform);
            try (GatewayProcess gateway = GatewayProcess.start(jar, runtime, List.of(), Map.of(), probe)) {
                fresh.add(probe, "fresh start " + (i + 1));
            }
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode report = json.createObjectNode();
        report.put("first_start_ms", first);
        restarts.into(report, "", json);
        fresh.into(report, "fresh_", json);
        report.put("load_average_after", Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(report));
    }

    /** The three times of a series of starts. */
    private static final class Starts {
        private final List<Long> webSocket = new ArrayList<>();
        private final List<Long> registered = new ArrayList<>();
        private final List<Long> health = new ArrayList<>();

        void add(StartupProbe probe, String name) {
            webSocket.add(probe.webSocketMillis);
            registered.add(probe.registeredMillis);
            health.add(probe.healthMillis);
            System.err.printf("%s: WebSocket %d ms, REGISTER acknowledged %d ms, /health %d ms%n", name,
                    probe.webSocketMillis, probe.registeredMillis, probe.healthMillis);
        }

        void into(ObjectNode report, String prefix, ObjectMapper json) {
            report.set(prefix + "runs_ms", json.valueToTree(webSocket));
            report.put(prefix + "median_ms", median(webSocket));
            report.set(prefix + "registered_ms", json.valueToTree(registered));
            report.put(prefix + "registered_median_ms", median(registered));
            report.set(prefix + "health_ms", json.valueToTree(health));
            report.put(prefix + "health_median_ms", median(health));
        }
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
