package io.aiconexus.gateway.bench.load;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where a process spent its CPU between two moments, by thread pool (thread names with their digits
 * dropped, so transport-17 and transport-42 count together) and user vs system: the kernel's share,
 * which no Java profiler samples, is often most of a frame's cost.
 */
final class ThreadCpu {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final long pid;
    private final Map<Long, String> names = new HashMap<>();
    private final Map<Long, long[]> start;
    private final long[] processStart;

    private ThreadCpu(long pid) {
        this.pid = pid;
        this.processStart = ProcStats.cpuSplitMicros(pid);
        this.start = ProcStats.threadCpuMicros(pid, names);
    }

    static ThreadCpu start(long pid) {
        return new ThreadCpu(pid);
    }

    /** CPU since the start: the process's user and system seconds, and the busiest pools. */
    ObjectNode since(int rows) {
        long[] processEnd = ProcStats.cpuSplitMicros(pid);
        Map<Long, long[]> end = ProcStats.threadCpuMicros(pid, names);
        Map<String, long[]> pools = new HashMap<>();
        end.forEach((tid, cpu) -> {
            long[] before = start.getOrDefault(tid, new long[2]);
            long[] pool = pools.computeIfAbsent(names.get(tid).replaceAll("\\d+", "N"), k -> new long[2]);
            pool[0] += cpu[0] - before[0];
            pool[1] += cpu[1] - before[1];
        });
        ObjectNode node = JSON.createObjectNode();
        node.put("user_seconds", (processEnd[0] - processStart[0]) / 1e6);
        node.put("system_seconds", (processEnd[1] - processStart[1]) / 1e6);
        Map<String, Object> busiest = new LinkedHashMap<>();
        pools.entrySet().stream()
                .filter(e -> e.getValue()[0] + e.getValue()[1] > 0)
                .sorted((a, b) -> Long.compare(b.getValue()[0] + b.getValue()[1], a.getValue()[0] + a.getValue()[1]))
                .limit(rows)
                .forEach(e -> busiest.put(e.getKey(), Map.of("user_seconds", e.getValue()[0] / 1e6,
                        "system_seconds", e.getValue()[1] / 1e6)));
        node.set("by_thread", JSON.valueToTree(busiest));
        return node;
    }
}
