package io.aiconexus.gateway.router.internal;

import io.aiconexus.gateway.monitoring.GatewayMetrics;
import io.aiconexus.gateway.monitoring.MetricsSnapshot;
import io.aiconexus.gateway.protocol.ErrorCode;
import io.aiconexus.gateway.protocol.MessageType;

/** Stands in while the monitoring bundle is absent, so routing never waits for it. */
enum NoMetrics implements GatewayMetrics {
    INSTANCE;

    @Override
    public void frameIn(MessageType type) {
    }

    @Override
    public void frameOut(MessageType type) {
    }

    @Override
    public void error(ErrorCode code) {
    }

    @Override
    public void registration() {
    }

    @Override
    public void verificationFailure(String reason) {
    }

    @Override
    public void routed(long nanos) {
    }

    @Override
    public MetricsSnapshot snapshot() {
        throw new IllegalStateException("no metrics service");
    }
}
