package io.aiconexus.gateway.bench.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Reports the CPU time the benchmark threads spent per operation ({@code ·cpu}, µs/op), next to
 * JMH's wall-clock score. On a machine shared with other work a thread waiting for a core adds
 * wall time but no CPU time, so this figure stays put where the score swings. Work a benchmark
 * does outside its measured code on the same thread (per-invocation setup) is subtracted when the
 * benchmark reports it through {@link #exclude}. Enable with
 * {@code -prof io.aiconexus.gateway.bench.jmh.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    private static final AtomicLong EXCLUDED_NANOS = new AtomicLong();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long cpuAtStart;
    private long excludedAtStart;

    /** Called by a benchmark for CPU time of its own thread that is no part of what it measures. */
    public static void exclude(long cpuNanos) {
        EXCLUDED_NANOS.addAndGet(cpuNanos);
    }

    /** The current thread's CPU time, for benchmarks timing what they {@link #exclude}. */
    public static long threadCpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    @Override
    public String getDescription() {
        return "CPU time of the benchmark threads per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuAtStart = workerCpuNanos();
        excludedAtStart = EXCLUDED_NANOS.get();
    }

    @Override
    @SuppressWarnings("rawtypes") // JMH's InternalProfiler declares the raw Result type
    public List<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long cpu = workerCpuNanos() - cpuAtStart - (EXCLUDED_NANOS.get() - excludedAtStart);
        long ops = result.getMetadata().getMeasuredOps();
        if (ops <= 0) {
            return List.of();
        }
        return List.of(new ScalarResult("·cpu", cpu / 1000.0 / ops, "us/op", AggregationPolicy.AVG));
    }

    /** JMH runs each benchmark on threads named {@code ...-jmh-worker-N}, kept for the whole run. */
    private static long workerCpuNanos() {
        long total = 0;
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread != null && thread.getThreadName().contains("-jmh-worker-")) {
                long cpu = THREADS.getThreadCpuTime(thread.getThreadId());
                if (cpu > 0) {
                    total += cpu;
                }
            }
        }
        return total;
    }
}
