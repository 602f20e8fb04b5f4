package io.aiconexus.gateway.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.aiconexus.gateway.monitoring.MetricsSnapshot;

class FrameRatesTest {
    private static final Instant START = Instant.parse("2026-01-12T10:00:00Z");

    @Test
    void noRateBeforeTwoSamples() {
        FrameRates rates = new FrameRates(Duration.ofSeconds(5));
        assertEquals(FrameRates.Rate.NONE, rates.perSecond());
        rates.record(snapshot(START, 0, 100, 50));
        assertEquals(FrameRates.Rate.NONE, rates.perSecond());
    }

    @Test
    void rateIsTheDifferenceOverTheTimeBetweenSamples() {
        FrameRates rates = new FrameRates(Duration.ofSeconds(5));
        rates.record(snapshot(START, 0, 100, 50));
        rates.record(snapshot(START, 1000, 150, 60));
        rates.record(snapshot(START, 2000, 300, 70));
        assertEquals(new FrameRates.Rate(100, 10), rates.perSecond());
    }

    @Test
    void onlyTheWindowCounts() {
        FrameRates rates = new FrameRates(Duration.ofSeconds(2));
        rates.record(snapshot(START, 0, 0, 0));
        rates.record(snapshot(START, 1000, 1000, 0));
        rates.record(snapshot(START, 2000, 1000, 0));
        rates.record(snapshot(START, 3000, 1000, 0));
        rates.record(snapshot(START, 4000, 1000, 0));
        assertEquals(new FrameRates.Rate(0, 0), rates.perSecond(), "the burst left the window");
    }

    @Test
    void replacedCountersStartOver() {
        FrameRates rates = new FrameRates(Duration.ofSeconds(5));
        rates.record(snapshot(START, 0, 5000, 5000));
        rates.record(snapshot(START, 1000, 6000, 6000));
        Instant restarted = START.plusSeconds(2);
        rates.record(snapshot(restarted, 0, 10, 0));
        assertEquals(FrameRates.Rate.NONE, rates.perSecond(), "no negative rate across a monitoring update");
        rates.record(snapshot(restarted, 500, 20, 5));
        assertEquals(new FrameRates.Rate(20, 10), rates.perSecond());
    }

    private static MetricsSnapshot snapshot(Instant startedAt, long afterMillis, long in, long out) {
        Instant takenAt = startedAt.plusMillis(afterMillis);
        // two types each, so the sums matter
        return new MetricsSnapshot(takenAt, startedAt, Map.of("PING", in - in / 2, "OFFER", in / 2),
                Map.of("PONG", out - out / 3, "ERROR", out / 3), Map.of(), 0, Map.of(), 0, 0);
    }
}
