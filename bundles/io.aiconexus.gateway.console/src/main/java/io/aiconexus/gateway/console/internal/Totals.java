package io.aiconexus.gateway.console.internal;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import io.aiconexus.gateway.monitoring.MetricsSnapshot;

/**
 * The gateway's counters as the console shows them.
 *
 * @param since                when the counters started
 * @param framesIn             frames received, all types
 * @param framesOut            frames sent, all types
 * @param framesInPerSecond    frames received per second over the last few seconds
 * @param framesOutPerSecond   frames sent per second over the last few seconds
 * @param registrations        successful REGISTERs
 * @param routed               frames routed agent to agent
 * @param meanRoutingMicros    mean time from arrival to queueing of those, in microseconds
 * @param framesInByType       frames received by type
 * @param framesOutByType      frames sent by type
 * @param errors               ERROR answers by code
 * @param verificationFailures verification failures by reason
 */
record Totals(Instant since, long framesIn, long framesOut, double framesInPerSecond, double framesOutPerSecond,
        long registrations, long routed, double meanRoutingMicros, Map<String, Long> framesInByType,
        Map<String, Long> framesOutByType, Map<String, Long> errors, Map<String, Long> verificationFailures) {

    static Totals of(MetricsSnapshot snapshot, FrameRates.Rate rate) {
        double meanMicros = snapshot.routed() == 0 ? 0 : snapshot.routedNanosTotal() / 1000.0 / snapshot.routed();
        return new Totals(snapshot.startedAt(), FrameRates.sum(snapshot.framesIn()), FrameRates.sum(snapshot.framesOut()),
                rate.in(), rate.out(), snapshot.registrations(), snapshot.routed(), meanMicros,
                sorted(snapshot.framesIn()), sorted(snapshot.framesOut()), sorted(snapshot.errors()),
                sorted(snapshot.verificationFailures()));
    }

    long errorCount() {
        return FrameRates.sum(errors);
    }

    long verificationFailureCount() {
        return FrameRates.sum(verificationFailures);
    }

    private static Map<String, Long> sorted(Map<String, Long> counters) {
        return Collections.unmodifiableMap(new TreeMap<>(counters));
    }
}
