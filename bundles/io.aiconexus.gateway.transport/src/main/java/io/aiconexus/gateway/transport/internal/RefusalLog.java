package io.aiconexus.gateway.transport.internal;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns about refused input with the remote address, at most {@value #PER_WINDOW} times per ten seconds: a flood of
 * refused connections must not become a flood of log lines. What is left out is counted and reported with the next
 * line that gets through.
 */
final class RefusalLog {
    private static final Logger LOG = LoggerFactory.getLogger(RefusalLog.class);
    static final int PER_WINDOW = 20;
    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(10);

    private long windowStart = System.nanoTime();
    private int logged;
    private long suppressed;

    /** Logs "refused {what} from {address}: {why}". */
    void refused(String what, String address, String why) {
        long skipped;
        synchronized (this) {
            long now = System.nanoTime();
            if (now - windowStart > WINDOW_NANOS) {
                windowStart = now;
                logged = 0;
            }
            if (logged >= PER_WINDOW) {
                suppressed++;
                return;
            }
            logged++;
            skipped = suppressed;
            suppressed = 0;
        }
        if (skipped == 0) {
            LOG.warn("refused {} from {}: {}", what, address, why);
        } else {
            LOG.warn("refused {} from {}: {} ({} similar refusals not logged)", what, address, why, skipped);
        }
    }
}
