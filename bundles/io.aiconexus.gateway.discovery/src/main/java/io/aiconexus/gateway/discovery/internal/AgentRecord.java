package io.aiconexus.gateway.discovery.internal;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.aiconexus.gateway.discovery.AgentStats;

/** One agent's counters and a ring of its most recent success latencies. */
final class AgentRecord {
    private static final int RECENT = 256;

    private final LongAdder requests = new LongAdder();
    private final LongAdder successes = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final double[] recent = new double[RECENT];
    private int recorded;

    void started() {
        requests.increment();
        inFlight.incrementAndGet();
    }

    void succeeded(double millis) {
        successes.increment();
        inFlight.decrementAndGet();
        synchronized (recent) {
            recent[recorded++ % RECENT] = millis;
        }
    }

    void failed() {
        failures.increment();
        inFlight.decrementAndGet();
    }

    void timedOut() {
        timeouts.increment();
        inFlight.decrementAndGet();
    }

    int inFlight() {
        return inFlight.get();
    }

    AgentStats stats() {
        double[] latencies;
        synchronized (recent) {
            latencies = Arrays.copyOf(recent, Math.min(recorded, RECENT));
        }
        Arrays.sort(latencies);
        return new AgentStats(requests.sum(), successes.sum(), failures.sum(), timeouts.sum(), inFlight.get(),
                percentile(latencies, 0.50), percentile(latencies, 0.95), percentile(latencies, 0.99));
    }

    private static double percentile(double[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }
}
