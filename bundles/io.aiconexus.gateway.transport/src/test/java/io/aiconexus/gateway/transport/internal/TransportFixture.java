package io.aiconexus.gateway.transport.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.fail;

/** Starts transports on port 0 the way DS would (construct, bind, activate) and stops them after each test. */
abstract class TransportFixture {
    private final List<JettyTransport> started = new ArrayList<>();

    @TempDir
    Path dataDir;

    JettyTransport start(Object... config) {
        return start(null, config);
    }

    JettyTransport start(RecordingHandler handler, Object... config) {
        return startIn(dataDir, handler, config);
    }

    /** A transport whose data directory (where a generated TLS keystore is kept) is {@code data}. */
    JettyTransport startIn(Path data, RecordingHandler handler, Object... config) {
        JettyTransport transport = new JettyTransport(TestConfig.with(config), data);
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
        started.clear();
    }

    /** Stops one transport now (to start another on the same data directory). */
    void stop(JettyTransport transport) {
        transport.deactivate();
        started.remove(transport);
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
