package io.aiconexus.gateway.monitoring.internal;

import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

import org.osgi.service.component.annotations.Component;

import io.aiconexus.gateway.monitoring.GatewayMetrics;
import io.aiconexus.gateway.monitoring.MetricsSnapshot;
import io.aiconexus.gateway.protocol.ErrorCode;
import io.aiconexus.gateway.protocol.MessageType;

/** Lock-free counters: LongAdders, so busy threads do not contend on one cache line. */
@Component(service = GatewayMetrics.class)
public class AtomicGatewayMetrics implements GatewayMetrics {
    private final Instant startedAt = Instant.now();
    private final CounterTable framesIn = new CounterTable();
    private final CounterTable framesOut = new CounterTable();
    private final CounterTable errors = new CounterTable();
    private final CounterTable verificationFailures = new CounterTable();
    private final LongAdder registrations = new LongAdder();
    private final LongAdder routed = new LongAdder();
    private final LongAdder routedNanos = new LongAdder();

    @Override
    public void frameIn(MessageType type) {
        framesIn.increment(type == null ? "INVALID" : type.name());
    }

    @Override
    public void frameOut(MessageType type) {
        framesOut.increment(type == null ? "UNKNOWN" : type.name());
    }

    @Override
    public void error(ErrorCode code) {
        errors.increment(code.name());
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
        routed.increment();
        routedNanos.add(nanos);
    }

    @Override
    public MetricsSnapshot snapshot() {
        return new MetricsSnapshot(Instant.now(), startedAt, framesIn.snapshot(), framesOut.snapshot(),
                errors.snapshot(), registrations.sum(), verificationFailures.snapshot(), routed.sum(), routedNanos.sum());
    }
}
