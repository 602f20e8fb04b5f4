package io.aiconexus.gateway.monitoring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.aiconexus.gateway.monitoring.LatencyHistogram;
import io.aiconexus.gateway.monitoring.MetricsSnapshot;
import io.aiconexus.gateway.protocol.ErrorCode;
import io.aiconexus.gateway.protocol.MessageType;

class AtomicGatewayMetricsTest {

    @Test
    void routingTimesLandInTheBucketOfTheirUpperBound() {
        AtomicGatewayMetrics metrics = new AtomicGatewayMetrics();
        metrics.routed(1_000); // <= 2.5 µs
        metrics.routed(2_500); // a bound is inclusive
        metrics.routed(2_501); // <= 5 µs
        metrics.routed(40_000); // <= 50 µs
        metrics.routed(5_000_000_000L); // above every bound

        LatencyHistogram routing = metrics.snapshot().routingLatency();

        List<Long> bounds = routing.upperBoundsNanos();
        assertEquals(2L, routing.bucketCounts().get(bounds.indexOf(2_500L)));
        assertEquals(1L, routing.bucketCounts().get(bounds.indexOf(5_000L)));
        assertEquals(1L, routing.bucketCounts().get(bounds.indexOf(50_000L)));
        assertEquals(1L, routing.bucketCounts().get(bounds.size()), "the last bucket holds what exceeds every bound");
        assertEquals(5, routing.count());
        assertEquals(5_000_046_001L, routing.sumNanos());
    }

    @Test
    void routedTotalsAgreeWithTheRoutingHistogram() {
        AtomicGatewayMetrics metrics = new AtomicGatewayMetrics();
        metrics.routed(10_000);
        metrics.routed(30_000);

        MetricsSnapshot snapshot = metrics.snapshot();

        assertEquals(snapshot.routingLatency().count(), snapshot.routed());
        assertEquals(snapshot.routingLatency().sumNanos(), snapshot.routedNanosTotal());
    }

    @Test
    void verificationTimesHaveTheirOwnHistogram() {
        AtomicGatewayMetrics metrics = new AtomicGatewayMetrics();
        metrics.verified(60_000);
        metrics.verified(70_000);
        metrics.verified(-5); // a clock step backwards counts as zero, not as a negative sum

        MetricsSnapshot snapshot = metrics.snapshot();

        assertEquals(3, snapshot.verificationTime().count());
        assertEquals(130_000, snapshot.verificationTime().sumNanos());
        assertEquals(0, snapshot.routingLatency().count());
    }

    @Test
    void onlyCountedTypesAndCodesAreNamed() {
        AtomicGatewayMetrics metrics = new AtomicGatewayMetrics();
        metrics.frameOut(MessageType.PONG);
        metrics.error(ErrorCode.OVERLOADED);

        MetricsSnapshot snapshot = metrics.snapshot();

        assertEquals(Map.of("PONG", 1L), snapshot.framesOut());
        assertEquals(Map.of("OVERLOADED", 1L), snapshot.errors());
        assertFalse(snapshot.framesIn().containsKey("OFFER"));
    }

    @Test
    void aHistogramNeedsOneCountMoreThanItHasBounds() {
        assertThrows(IllegalArgumentException.class, () -> new LatencyHistogram(List.of(1L, 2L), List.of(0L, 0L), 0));
        assertEquals(0, LatencyHistogram.empty().count());
    }
}
