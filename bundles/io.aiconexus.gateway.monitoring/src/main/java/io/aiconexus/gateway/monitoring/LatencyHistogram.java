package io.aiconexus.gateway.monitoring;

import java.util.Arrays;
import java.util.List;

/**
 * Durations counted in fixed buckets, as a Prometheus histogram holds them.
 *
 * @param upperBoundsNanos the inclusive upper bound of each bucket, in nanoseconds, ascending
 * @param bucketCounts     observations per bucket, <em>not</em> cumulative: entry {@code i} counts the
 *                         durations above bound {@code i - 1} and at most bound {@code i}; it has one entry
 *                         more than {@code upperBoundsNanos}, the last for durations above every bound
 * @param sumNanos         the summed durations
 * @since 1.1
 */
public record LatencyHistogram(List<Long> upperBoundsNanos, List<Long> bucketCounts, long sumNanos) {

    /**
     * The bounds the gateway uses for routing and verification times: 2.5 µs to 1 s, roughly three
     * to a decade, so p50 and p99 are readable both with verification off (a few µs) and on (tens of µs).
     */
    public static final List<Long> DEFAULT_BOUNDS_NANOS = List.of(2_500L, 5_000L, 10_000L, 25_000L, 50_000L,
            100_000L, 250_000L, 500_000L, 1_000_000L, 2_500_000L, 5_000_000L, 10_000_000L, 25_000_000L,
            50_000_000L, 100_000_000L, 250_000_000L, 500_000_000L, 1_000_000_000L);

    public LatencyHistogram {
        upperBoundsNanos = List.copyOf(upperBoundsNanos);
        bucketCounts = List.copyOf(bucketCounts);
        if (bucketCounts.size() != upperBoundsNanos.size() + 1) {
            throw new IllegalArgumentException("need one count per bound and one above them: " + upperBoundsNanos.size()
                    + " bounds, " + bucketCounts.size() + " counts");
        }
    }

    /** No observation yet, with the {@link #DEFAULT_BOUNDS_NANOS}. */
    public static LatencyHistogram empty() {
        Long[] zeros = new Long[DEFAULT_BOUNDS_NANOS.size() + 1];
        Arrays.fill(zeros, 0L);
        return new LatencyHistogram(DEFAULT_BOUNDS_NANOS, List.of(zeros), 0);
    }

    /** How many durations were observed. */
    public long count() {
        long count = 0;
        for (long bucket : bucketCounts) {
            count += bucket;
        }
        return count;
    }
}
