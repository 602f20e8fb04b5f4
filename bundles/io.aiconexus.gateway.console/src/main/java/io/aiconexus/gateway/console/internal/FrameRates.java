package io.aiconexus.gateway.console.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import io.aiconexus.gateway.monitoring.MetricsSnapshot;

/**
 * Frames per second from the differences between counter snapshots taken about once a second,
 * over a sliding window: a rate the console and the shell show without each viewer keeping state.
 */
final class FrameRates {
    static final Duration DEFAULT_WINDOW = Duration.ofSeconds(5);

    private final Duration window;
    private final Deque<Sample> samples = new ArrayDeque<>();

    FrameRates(Duration window) {
        this.window = window;
    }

    /** Frames per second in and out. */
    record Rate(double in, double out) {
        static final Rate NONE = new Rate(0, 0);
    }

    private record Sample(Instant startedAt, Instant takenAt, long in, long out) {
    }

    synchronized void record(MetricsSnapshot snapshot) {
        Sample sample = new Sample(snapshot.startedAt(), snapshot.takenAt(), sum(snapshot.framesIn()),
                sum(snapshot.framesOut()));
        Sample newest = samples.peekLast();
        if (newest != null && !newest.startedAt().equals(sample.startedAt())) {
            // the counters were replaced (monitoring bundle updated): differences across them mean nothing
            samples.clear();
        }
        samples.addLast(sample);
        // keep one sample at or before the start of the window, so the window is covered fully
        while (samples.size() > 2 && !sampleAfterOldest().takenAt().isAfter(sample.takenAt().minus(window))) {
            samples.removeFirst();
        }
    }

    private Sample sampleAfterOldest() {
        return samples.stream().skip(1).findFirst().orElseThrow();
    }

    synchronized Rate perSecond() {
        if (samples.size() < 2) {
            return Rate.NONE;
        }
        Sample first = samples.peekFirst();
        Sample last = samples.peekLast();
        double seconds = Duration.between(first.takenAt(), last.takenAt()).toNanos() / 1e9;
        if (seconds <= 0) {
            return Rate.NONE;
        }
        return new Rate((last.in() - first.in()) / seconds, (last.out() - first.out()) / seconds);
    }

    static long sum(Map<String, Long> counters) {
        long total = 0;
        for (long value : counters.values()) {
            total += value;
        }
        return total;
    }
}
