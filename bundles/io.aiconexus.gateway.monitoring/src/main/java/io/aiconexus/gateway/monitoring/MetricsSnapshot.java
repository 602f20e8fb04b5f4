package io.aiconexus.gateway.monitoring;

import java.time.Instant;
import java.util.Map;

/**
 * The counters at one instant, for the health and metrics endpoints and the console.
 *
 * @param takenAt              when the snapshot was taken
 * @param startedAt            when the counters started
 * @param framesIn             frames received, by type ({@code "INVALID"} for unparseable ones)
 * @param framesOut            frames sent, by type
 * @param errors               ERROR answers, by code
 * @param registrations        successful REGISTERs
 * @param verificationFailures failures by reason
 * @param routed               frames routed agent to agent
 * @param routedNanosTotal     summed routing time of those frames
 * @param routingLatency       the routing times of those frames, from arrival to queueing (since 1.1)
 * @param verificationTime     the time the verifier took per frame (since 1.1)
 */
public record MetricsSnapshot(Instant takenAt, Instant startedAt, Map<String, Long> framesIn, Map<String, Long> framesOut,
        Map<String, Long> errors, long registrations, Map<String, Long> verificationFailures, long routed,
        long routedNanosTotal, LatencyHistogram routingLatency, LatencyHistogram verificationTime) {

    /** A snapshot without histograms (both empty), as version 1.0 had it. */
    public MetricsSnapshot(Instant takenAt, Instant startedAt, Map<String, Long> framesIn, Map<String, Long> framesOut,
            Map<String, Long> errors, long registrations, Map<String, Long> verificationFailures, long routed,
            long routedNanosTotal) {
        this(takenAt, startedAt, framesIn, framesOut, errors, registrations, verificationFailures, routed,
                routedNanosTotal, LatencyHistogram.empty(), LatencyHistogram.empty());
    }
}
