package io.aiconexus.gateway.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Exponential backoff with jitter: growth, cap, the random share, and settings that make no sense. */
class ReconnectPolicyTest {
    private final ReconnectPolicy policy = new ReconnectPolicy(Duration.ofMillis(100), Duration.ofSeconds(2), 2.0, 0.5, 10);

    @Test
    void withoutRandomnessTheDelayDoublesUpToTheCap() {
        assertEquals(Duration.ofMillis(100), policy.delay(1, 0.0));
        assertEquals(Duration.ofMillis(200), policy.delay(2, 0.0));
        assertEquals(Duration.ofMillis(800), policy.delay(4, 0.0));
        assertEquals(Duration.ofSeconds(2), policy.delay(6, 0.0));
        assertEquals(Duration.ofSeconds(2), policy.delay(Integer.MAX_VALUE, 0.0), "no overflow after many attempts");
    }

    @Test
    void jitterTakesAtMostItsShareOffTheDelay() {
        Duration full = policy.delay(3, 0.0);
        Duration mostJittered = policy.delay(3, 0.999999);

        assertTrue(mostJittered.compareTo(full.dividedBy(2)) >= 0, mostJittered + " is below half of " + full);
        assertTrue(mostJittered.compareTo(full) < 0);
    }

    @Test
    void neverMeansNoReconnection() {
        assertFalse(ReconnectPolicy.NEVER.reconnects());
        assertTrue(ReconnectPolicy.DEFAULT.reconnects());
    }

    @Test
    void settingsThatMakeNoSenseAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new ReconnectPolicy(Duration.ZERO, Duration.ofSeconds(1), 2.0, 0.5, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new ReconnectPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 2.0, 0.5, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 0.5, 0.5, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 2.0, 1.5, 1));
        assertThrows(IllegalArgumentException.class, () -> policy.delay(0, 0.0));
        assertThrows(IllegalArgumentException.class, () -> policy.delay(1, 1.0));
    }
}
