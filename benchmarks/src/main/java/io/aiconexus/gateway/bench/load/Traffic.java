package io.aiconexus.gateway.bench.load;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The traffic phase: pairs exchange OFFER->ANSWER for a warm-up, then a measured window, then stop
 * sending and wait for what is in flight. The gateway's CPU time is read at the window's edges.
 */
final class Traffic {

    /**
     * @param gatewayCpuMicros the gateway's user+system CPU in the window, -1 when its process is unknown
     * @param clientCpuMicros  this generator's CPU in the window
     */
    record Result(Counters counters, Histogram roundTripMicros, double windowSeconds, long gatewayCpuMicros,
            long clientCpuMicros, double drainSeconds, ObjectNode gatewayThreads, ObjectNode generatorThreads) {
    }

    /** The longest wait for a backlog to drain after the window. */
    static final long MAX_DRAIN_SECONDS = 180;

    private Traffic() {
    }

    static Result run(List<LoadAgent.Pair> pairs, Exchange exchange, LoadOptions options, long gatewayPid,
            Progress progress) throws InterruptedException {
        long selfPid = ProcessHandle.current().pid();
        Counters counters = exchange.newPhase();
        long start = System.nanoTime();
        long windowStart = start + TimeUnit.SECONDS.toNanos(options.warmupSeconds);
        long windowEnd = windowStart + TimeUnit.SECONDS.toNanos(options.durationSeconds);
        exchange.window(windowStart, windowEnd);
        exchange.sending(true);
        progress.status(() -> status(exchange, counters, windowStart, windowEnd));

        ScheduledExecutorService timeouts = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "load-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        timeouts.scheduleWithFixedDelay(() -> exchange.expire(System.nanoTime()), 100, 100, TimeUnit.MILLISECONDS);
        Thread pacer = null;
        if (options.closedLoop) {
            for (LoadAgent.Pair pair : pairs) {
                exchange.offer(pair, System.nanoTime());
            }
        } else {
            pacer = new Thread(() -> pace(pairs, exchange, options.rate, start, windowEnd), "load-pacer");
            pacer.setDaemon(true);
            pacer.start();
        }

        sleepUntil(windowStart);
        long gatewayCpu0 = gatewayPid > 0 ? ProcStats.cpuMicros(gatewayPid) : -1;
        long clientCpu0 = ProcStats.cpuMicros(selfPid);
        ThreadCpu gatewayThreads = gatewayPid > 0 ? ThreadCpu.start(gatewayPid) : null;
        ThreadCpu generatorThreads = ThreadCpu.start(selfPid);
        long measuredFrom = System.nanoTime();
        sleepUntil(windowEnd);
        long gatewayCpu1 = gatewayPid > 0 ? ProcStats.cpuMicros(gatewayPid) : -1;
        long clientCpu1 = ProcStats.cpuMicros(selfPid);
        ObjectNode gatewayBreakdown = gatewayThreads == null ? null : gatewayThreads.since(8);
        ObjectNode generatorBreakdown = generatorThreads.since(8);
        double windowSeconds = (System.nanoTime() - measuredFrom) / 1e9;
        exchange.sending(false);
        if (pacer != null) {
            pacer.join();
        }

        // Wait while frames still arrive: a gateway behind its load holds a backlog, which is late, not
        // lost. Lost is what has not arrived when deliveries have stopped for the timeout.
        long drainStart = System.nanoTime();
        long drainDeadline = drainStart + TimeUnit.SECONDS.toNanos(MAX_DRAIN_SECONDS);
        long quietLimit = TimeUnit.SECONDS.toNanos(options.timeoutSeconds);
        long delivered = counters.offersReceived.sum() + counters.answersReceived.sum();
        long lastProgress = System.nanoTime();
        while (exchange.inFlight() > 0 && System.nanoTime() < drainDeadline
                && System.nanoTime() - lastProgress < quietLimit) {
            Thread.sleep(50);
            long now = counters.offersReceived.sum() + counters.answersReceived.sum();
            if (now != delivered) {
                delivered = now;
                lastProgress = System.nanoTime();
            }
        }
        // stragglers' ANSWERs are still on their way after the last OFFER: give them a moment to be counted
        Thread.sleep(200);
        timeouts.shutdownNow();
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        progress.status(() -> null);
        return new Result(counters, exchange.takeMeasured(), windowSeconds,
                gatewayPid > 0 ? gatewayCpu1 - gatewayCpu0 : -1, clientCpu1 - clientCpu0, drainSeconds,
                gatewayBreakdown, generatorBreakdown);
    }

    /**
     * Fixed rate: the k-th OFFER is due at start + k / (rate / 2), for pair k mod P. A late pacer sends
     * at once, and the lateness counts in the round trip (it is timed from the due time).
     */
    private static void pace(List<LoadAgent.Pair> pairs, Exchange exchange, double routedPerSecond, long start, long end) {
        double spacing = 1e9 / (routedPerSecond / 2);
        for (long k = 0;; k++) {
            long due = start + (long) (k * spacing);
            if (due >= end) {
                return;
            }
            for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
                LockSupport.parkNanos(due - now);
            }
            exchange.offer(pairs.get((int) (k % pairs.size())), due);
        }
    }

    private static String status(Exchange exchange, Counters counters, long windowStart, long windowEnd) {
        long now = System.nanoTime();
        Histogram last = exchange.takeInterval();
        String phase = now < windowStart ? "warm-up" : now < windowEnd ? "measuring" : "draining";
        return String.format("traffic %s: %,d round trips/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms (last second);"
                + " in flight %,d, errors %,d, timed out %,d", phase, last.getTotalCount(),
                last.getValueAtPercentile(50) / 1000.0, last.getValueAtPercentile(99) / 1000.0,
                last.getMaxValue() / 1000.0, exchange.inFlight(), counters.errorCount(), counters.timedOut.sum());
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        for (long now = System.nanoTime(); now < nanos; now = System.nanoTime()) {
            TimeUnit.NANOSECONDS.sleep(Math.min(nanos - now, TimeUnit.MILLISECONDS.toNanos(100)));
        }
    }
}
