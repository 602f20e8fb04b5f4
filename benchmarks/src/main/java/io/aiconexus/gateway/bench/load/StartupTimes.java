package io.aiconexus.gateway.bench.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Starts the runtime N times as operators do ({@code bin/gateway}), each with an empty bundle cache, data
 * directory and Config Admin store, and times launch to {@code /health} answering on the WebSocket port,
 * which the transport serves from the moment it accepts connections. The class-data-sharing archive of
 * {@code bin/gateway} is removed first, so a first start records it (timed on its own: the start after
 * every build) and the N starts use it. Prints JSON: the first start, every run and the median. Usage:
 * {@code StartupTimes GATEWAY_JAR RUNTIME_DIR [RUNS]}.
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
        GatewayProcess.deleteTree(runtime.resolve("target").resolve("cds"));
        long first;
        try (GatewayProcess gateway = GatewayProcess.start(jar, runtime, List.of(), Map.of())) {
            first = gateway.startupMillis();
            System.err.printf("first start (records the class archive): %d ms%n", first);
        }
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            try (GatewayProcess gateway = GatewayProcess.start(jar, runtime, List.of(), Map.of())) {
                millis.add(gateway.startupMillis());
                System.err.printf("start %d: %d ms%n", i + 1, gateway.startupMillis());
            }
        }
        List<Long> sorted = millis.stream().sorted().toList();
        double median = runs % 2 == 1 ? sorted.get(runs / 2) : (sorted.get(runs / 2 - 1) + sorted.get(runs / 2)) / 2.0;
        ObjectMapper json = new ObjectMapper();
        ObjectNode report = json.createObjectNode();
        report.put("first_start_ms", first);
        report.set("runs_ms", json.valueToTree(millis));
        report.put("median_ms", median);
        report.put("load_average_after", Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(report));
    }
}
