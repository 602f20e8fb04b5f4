package io.aiconexus.gateway.transport.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;

import static org.junit.jupiter.api.Assertions.fail;

/** Starts transports on port 0 the way DS would (construct, bind, activate) and stops them after each test. */
abstract class TransportFixture {
    private final List<JettyTransport> started = new ArrayList<>();

    JettyTransport start(Object... config) {
        return start(null, config);
    }

    JettyTransport start(RecordingHandler handler, Object... config) {
        JettyTransport transport = new JettyTransport(TestConfig.with(config));
        if (handler != null) {
            transport.bindHandler(handler);
        }
        transport.activate();
        started.add(transport);
        return transport;
    }

    @AfterEach
    void stopTransports() {
        started.forEach(JettyTransport::deactivate);
    }

    /**
     * For states no event announces (a count inside the transport): checks until true, failing after 10 s.
     */
    static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within 10 s: " + what);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }
}
