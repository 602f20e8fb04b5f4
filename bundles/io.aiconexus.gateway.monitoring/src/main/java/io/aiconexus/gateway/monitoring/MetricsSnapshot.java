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
 */
public record MetricsSnapshot(Instant takenAt, Instant startedAt, Map<String, Long> framesIn, Map<String, Long> framesOut,
        Map<String, Long> errors, long registrations, Map<String, Long> verificationFailures, long routed,
        long routedNanosTotal) {
}
