package io.aiconexus.gateway.monitoring.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import io.aiconexus.gateway.monitoring.LatencyHistogram;

/** Durations counted into fixed buckets: one LongAdder per bucket, so recording never contends or allocates. */
final class LatencyRecorder {
    private final List<Long> boundsList;
    private final long[] bounds;
    private final LongAdder[] buckets;
    private final LongAdder sum = new LongAdder();

    LatencyRecorder(List<Long> boundsNanos) {
        this.boundsList = List.copyOf(boundsNanos);
        this.bounds = boundsList.stream().mapToLong(Long::longValue).toArray();
        this.buckets = new LongAdder[bounds.length + 1];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    void record(long nanos) {
        // System.nanoTime differences are never negative on one thread, but a caller may mix threads
        long value = Math.max(0, nanos);
        int bucket = 0;
        // a linear scan: most frames land in the first few buckets, where it beats a binary search
        while (bucket < bounds.length && value > bounds[bucket]) {
            bucket++;
        }
        buckets[bucket].increment();
        sum.add(value);
    }

    LatencyHistogram snapshot() {
        List<Long> counts = new ArrayList<>(buckets.length);
        for (LongAdder bucket : buckets) {
            counts.add(bucket.sum());
        }
        return new LatencyHistogram(boundsList, counts, sum.sum());
    }
}
