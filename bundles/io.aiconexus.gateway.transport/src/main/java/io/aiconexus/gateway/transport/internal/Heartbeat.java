package io.aiconexus.gateway.transport.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pings every open connection each interval from one shared thread, and drops the ones from which nothing at all
 * arrived (not even a pong) for 2.5 intervals. Jetty's idle timeout alone would not catch a vanished peer: our
 * own pings count as traffic and the kernel accepts them long after the peer is gone.
 */
final class Heartbeat {
    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

    private final ConnectionTable connections;
    private final ConnectionLimits limits;
    private final Supplier<TransportSettings> settings;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "aiconexus-transport-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> beat;

    Heartbeat(ConnectionTable connections, ConnectionLimits limits, Supplier<TransportSettings> settings) {
        this.connections = connections;
        this.limits = limits;
        this.settings = settings;
    }

    /** Starts beating at this interval, or changes the interval. */
    synchronized void start(Duration interval) {
        if (beat != null) {
            beat.cancel(false);
        }
        long millis = interval.toMillis();
        beat = timer.scheduleAtFixedRate(this::beat, millis, millis, TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        timer.shutdownNow();
    }

    private void beat() {
        try {
            long now = System.nanoTime();
            Duration limit = settings.get().silenceLimit();
            for (WebSocketConnection connection : connections.snapshot()) {
                if (connection.silentLongerThan(limit, now)) {
                    LOG.debug("{} silent for over {} s: dropping it", connection, limit.toSeconds());
                    connection.abort("nothing heard for " + limit.toMillis() + " ms, not even a pong: the peer vanished");
                } else {
                    connection.ping();
                }
            }
            limits.sweepUnopened(now);
        } catch (RuntimeException e) {
            // A failed beat must not cancel the schedule: the next one tries again.
            LOG.error("heartbeat failed", e);
        }
    }
}
