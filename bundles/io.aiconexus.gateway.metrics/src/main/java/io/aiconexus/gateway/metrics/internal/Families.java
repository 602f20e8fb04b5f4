package io.aiconexus.gateway.metrics.internal;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import io.aiconexus.gateway.monitoring.LatencyHistogram;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.Unit;

/** Builds the Prometheus client's metric snapshots from the gateway's counters. */
final class Families {
    private static final String TOTAL = "_total";

    private Families() {
    }

    static GaugeSnapshot gauge(String name, String help, double value) {
        return GaugeSnapshot.builder().name(name).help(help)
                .dataPoint(GaugeDataPointSnapshot.builder().value(value).build()).build();
    }

    static CounterSnapshot counter(String name, String help, long value, long createdMillis) {
        return CounterSnapshot.builder().name(base(name)).help(help)
                .dataPoint(CounterDataPointSnapshot.builder().value(value).createdTimestampMillis(createdMillis).build())
                .build();
    }

    /**
     * One series per label value: every {@code known} value, at zero until counted (so that rate() and
     * alerts work from the first scrape), and any other value that was counted.
     */
    static CounterSnapshot counterBy(String name, String help, String label, Collection<String> known,
            Map<String, Long> counts, long createdMillis) {
        Map<String, Long> values = new TreeMap<>();
        known.forEach(value -> values.put(value, 0L));
        values.putAll(counts);
        CounterSnapshot.Builder family = CounterSnapshot.builder().name(base(name)).help(help);
        values.forEach((value, count) -> family.dataPoint(CounterDataPointSnapshot.builder()
                .labels(Labels.of(label, value)).value(count).createdTimestampMillis(createdMillis).build()));
        return family.build();
    }

    /** A histogram in seconds, the Prometheus base unit, from durations kept in nanoseconds. */
    static HistogramSnapshot seconds(String name, String help, LatencyHistogram histogram, long createdMillis) {
        int bounds = histogram.upperBoundsNanos().size();
        double[] upperBounds = new double[bounds + 1];
        long[] counts = new long[bounds + 1];
        for (int i = 0; i < bounds; i++) {
            upperBounds[i] = Unit.nanosToSeconds(histogram.upperBoundsNanos().get(i));
            counts[i] = histogram.bucketCounts().get(i);
        }
        upperBounds[bounds] = Double.POSITIVE_INFINITY;
        counts[bounds] = histogram.bucketCounts().get(bounds);
        return HistogramSnapshot.builder().name(name).help(help).unit(Unit.SECONDS)
                .dataPoint(HistogramDataPointSnapshot.builder()
                        .classicHistogramBuckets(ClassicHistogramBuckets.of(upperBounds, counts))
                        .sum(Unit.nanosToSeconds(histogram.sumNanos())).createdTimestampMillis(createdMillis).build())
                .build();
    }

    /** The client names a counter without its {@code _total}, and adds it when writing. */
    static String base(String name) {
        return name.endsWith(TOTAL) ? name.substring(0, name.length() - TOTAL.length()) : name;
    }
}
