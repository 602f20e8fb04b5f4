package io.aiconexus.gateway.plugin.itests.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * For what gives no event to wait on (a file being written by another thread, an agent registering
 * over its own socket): checks a condition until it holds or a deadline passes. Use a latch or a
 * service tracker wherever there is an event.
 */
public final class Eventually {

    private Eventually() {
    }

    /** The first non-null, non-false value of {@code probe} within {@code timeout}; fails naming {@code what}. */
    public static <T> T await(String what, Duration timeout, Callable<T> probe) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Object last = null;
        while (true) {
            T value = probe.call();
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            last = value;
            if (System.nanoTime() > deadline) {
                fail(what + " did not happen within " + timeout + " (last probe: " + last + ")");
            }
            Thread.sleep(50);
        }
    }
}
