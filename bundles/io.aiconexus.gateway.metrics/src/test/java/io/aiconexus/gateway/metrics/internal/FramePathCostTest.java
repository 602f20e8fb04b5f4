package io.aiconexus.gateway.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.aiconexus.gateway.monitoring.LatencyHistogram;
import io.aiconexus.gateway.monitoring.MetricsSnapshot;
import io.aiconexus.gateway.monitoring.internal.AtomicGatewayMetrics;
import io.aiconexus.gateway.protocol.MessageType;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * What the metrics cost a routed frame (frame in, frame out, verification time, routing time), for
 * the gateway's LongAdder counters read at scrape time against the Prometheus client's own counters
 * and histograms on the frame path. A rough figure, not JMH: best of a few rounds after warm-up,
 * printed for docs/METRICS.md (the JIT needs the long warm-up on a busy machine). The assertions check
 * that no increment is lost under two threads.
 */
class FramePathCostTest {
    private static final int FRAMES = 150_000;
    private static final int WARM_UP_ROUNDS = 6;
    private static final int ROUNDS = 5;
    /** Every candidate records this many frames: its rounds on one thread, then one round on each of two. */
    private static final long FRAMES_PER_CANDIDATE = (WARM_UP_ROUNDS + ROUNDS + 2L) * FRAMES;

    /** The four calls the router makes for one routed, verified frame. */
    private interface FramePath {
        void frame(MessageType type, long nanos);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void noIncrementIsLostAndTheCostIsReported() {
        AtomicGatewayMetrics adders = new AtomicGatewayMetrics();
        PrometheusClient lookedUp = new PrometheusClient(false);
        PrometheusClient preBound = new PrometheusClient(true);
        Map<String, FramePath> candidates = new LinkedHashMap<>();
        candidates.put("LongAdder counters, read at scrape (AtomicGatewayMetrics)", (type, nanos) -> {
            adders.frameIn(type);
            adders.frameOut(type);
            adders.verified(nanos);
            adders.routed(nanos);
        });
        candidates.put("Prometheus client Counter/Histogram, labelValues() per call", lookedUp::frame);
        candidates.put("Prometheus client Counter/Histogram, data points bound per type", preBound::frame);

        StringBuilder report = new StringBuilder("ns per routed frame (4 metric calls): one thread"
                + " | two threads at once, wall time per frame on each\n");
        for (Map.Entry<String, FramePath> candidate : candidates.entrySet()) {
            double best = Double.MAX_VALUE;
            for (int round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
                long started = System.nanoTime();
                drive(candidate.getValue(), FRAMES);
                if (round >= WARM_UP_ROUNDS) {
                    best = Math.min(best, (System.nanoTime() - started) / (double) FRAMES);
                }
            }
            long started = System.nanoTime();
            CompletableFuture<Void> other = CompletableFuture.runAsync(() -> drive(candidate.getValue(), FRAMES));
            drive(candidate.getValue(), FRAMES);
            other.join();
            double twoThreads = (System.nanoTime() - started) / (double) FRAMES;
            report.append(String.format("  %-66s %7.1f | %7.1f%n", candidate.getKey(), best, twoThreads));
        }
        System.out.print(report);

        MetricsSnapshot snapshot = adders.snapshot();
        assertEquals(FRAMES_PER_CANDIDATE, snapshot.framesIn().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(FRAMES_PER_CANDIDATE, snapshot.framesOut().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(FRAMES_PER_CANDIDATE, snapshot.routingLatency().count());
        assertEquals(FRAMES_PER_CANDIDATE, snapshot.verificationTime().count());
        assertEquals(FRAMES_PER_CANDIDATE, lookedUp.framesIn(), "the client loses no increment either");
        assertEquals(FRAMES_PER_CANDIDATE, preBound.routedCount());
    }

    private static void drive(FramePath path, int frames) {
        MessageType[] types = { MessageType.OFFER, MessageType.ANSWER, MessageType.ICE_CANDIDATE };
        for (int i = 0; i < frames; i++) {
            // 20 to 71 µs: a few neighbouring buckets, as verified frames spread
            path.frame(types[i % types.length], 20_000 + (i & 1023) * 50L);
        }
    }

    /** The Prometheus Java client as the frame-path implementation, with the same buckets. */
    private static final class PrometheusClient {
        private final Counter framesIn;
        private final Counter framesOut;
        private final Histogram verification;
        private final Histogram routing;
        private final Map<MessageType, CounterDataPoint> boundIn;
        private final Map<MessageType, CounterDataPoint> boundOut;

        PrometheusClient(boolean bindPerType) {
            PrometheusRegistry registry = new PrometheusRegistry();
            double[] bounds = LatencyHistogram.DEFAULT_BOUNDS_NANOS.stream().mapToDouble(Unit::nanosToSeconds).toArray();
            framesIn = Counter.builder().name("frames_received").labelNames("type").register(registry);
            framesOut = Counter.builder().name("frames_sent").labelNames("type").register(registry);
            verification = Histogram.builder().name("verification_seconds").classicOnly().classicUpperBounds(bounds)
                    .register(registry);
            routing = Histogram.builder().name("routing_seconds").classicOnly().classicUpperBounds(bounds)
                    .register(registry);
            if (bindPerType) {
                boundIn = new EnumMap<>(MessageType.class);
                boundOut = new EnumMap<>(MessageType.class);
                for (MessageType type : MessageType.values()) {
                    boundIn.put(type, framesIn.labelValues(type.name()));
                    boundOut.put(type, framesOut.labelValues(type.name()));
                }
            } else {
                boundIn = null;
                boundOut = null;
            }
        }

        void frame(MessageType type, long nanos) {
            if (boundIn != null) {
                boundIn.get(type).inc();
                boundOut.get(type).inc();
            } else {
                framesIn.labelValues(type.name()).inc();
                framesOut.labelValues(type.name()).inc();
            }
            double seconds = Unit.nanosToSeconds(nanos);
            verification.observe(seconds);
            routing.observe(seconds);
        }

        long framesIn() {
            return framesIn.collect().getDataPoints().stream().mapToLong(point -> (long) point.getValue()).sum();
        }

        long routedCount() {
            HistogramSnapshot snapshot = routing.collect();
            return snapshot.getDataPoints().get(0).getCount();
        }
    }
}
