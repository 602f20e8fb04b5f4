package io.aiconexus.gateway.monitoring.internal;

import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

import org.osgi.service.component.annotations.Component;

import io.aiconexus.gateway.monitoring.GatewayMetrics;
import io.aiconexus.gateway.monitoring.LatencyHistogram;
import io.aiconexus.gateway.monitoring.MetricsSnapshot;
import io.aiconexus.gateway.protocol.ErrorCode;
import io.aiconexus.gateway.protocol.MessageType;

/**
 * Lock-free counters: LongAdders, so busy threads do not contend on one cache line, indexed by enum
 * ordinal on the frame path. Exporters (the /metrics endpoint, the console) read {@link #snapshot()}.
 */
@Component(service = GatewayMetrics.class)
public class AtomicGatewayMetrics implements GatewayMetrics {
    private final Instant startedAt = Instant.now();
    private final EnumCounters<MessageType> framesIn = new EnumCounters<>(MessageType.class, "INVALID");
    private final EnumCounters<MessageType> framesOut = new EnumCounters<>(MessageType.class, "UNKNOWN");
    private final EnumCounters<ErrorCode> errors = new EnumCounters<>(ErrorCode.class, "UNKNOWN");
    private final CounterTable verificationFailures = new CounterTable();
    private final LongAdder registrations = new LongAdder();
    private final LatencyRecorder routing = new LatencyRecorder(LatencyHistogram.DEFAULT_BOUNDS_NANOS);
    private final LatencyRecorder verification = new LatencyRecorder(LatencyHistogram.DEFAULT_BOUNDS_NANOS);

    @Override
    public void frameIn(MessageType type) {
        framesIn.increment(type);
    }

    @Override
    public void frameOut(MessageType type) {
        framesOut.increment(type);
    }

    @Override
    public void error(ErrorCode code) {
        errors.increment(code);
    }

    @Override
    public void registration() {
        registrations.increment();
    }

    @Override
    public void verificationFailure(String reason) {
        verificationFailures.increment(reason);
    }

    @Override
    public void routed(long nanos) {
        routing.record(nanos);
    }

    @Override
    public void verified(long nanos) {
        verification.record(nanos);
    }

    @Override
    public MetricsSnapshot snapshot() {
        LatencyHistogram routingLatency = routing.snapshot();
        return new MetricsSnapshot(Instant.now(), startedAt, framesIn.snapshot(), framesOut.snapshot(),
                errors.snapshot(), registrations.sum(), verificationFailures.snapshot(), routingLatency.count(),
                routingLatency.sumNanos(), routingLatency, verification.snapshot());
    }
}
