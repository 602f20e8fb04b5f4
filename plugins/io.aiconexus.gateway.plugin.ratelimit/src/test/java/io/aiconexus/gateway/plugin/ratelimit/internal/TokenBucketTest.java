package io.aiconexus.gateway.plugin.ratelimit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.aiconexus.gateway.plugin.ratelimit.internal.TokenBucket.Take;

class TokenBucketTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void aNewBucketAllowsItsWholeBurstThenRefuses() {
        TokenBucket bucket = new TokenBucket(1, 5, 0);
        for (int i = 0; i < 5; i++) {
            assertEquals(Take.ALLOWED, bucket.take(0), "frame " + i + " of the burst");
        }
        assertEquals(Take.REFUSED_FIRST, bucket.take(0));
        assertEquals(Take.REFUSED, bucket.take(0));
        assertEquals(Take.REFUSED, bucket.take(0));
    }

    @Test
    void tokensComeBackAtTheRateAndARecoveredBucketReportsTheNextRefusalAsFirst() {
        TokenBucket bucket = new TokenBucket(10, 2, 0);
        bucket.take(0);
        bucket.take(0);
        assertEquals(Take.REFUSED_FIRST, bucket.take(0));
        assertEquals(Take.REFUSED, bucket.take(SECOND / 20), "half a token after 50 ms at 10/s");
        assertEquals(Take.ALLOWED, bucket.take(SECOND / 10), "one token after 100 ms at 10/s");
        assertEquals(Take.REFUSED_FIRST, bucket.take(SECOND / 10));
    }

    @Test
    void refillStopsAtTheBurst() {
        TokenBucket bucket = new TokenBucket(1000, 3, 0);
        assertTrue(bucket.isFull(0));
        bucket.take(0);
        assertFalse(bucket.isFull(0));
        assertTrue(bucket.isFull(3600 * SECOND));
        for (int i = 0; i < 3; i++) {
            assertEquals(Take.ALLOWED, bucket.take(3600 * SECOND));
        }
        assertEquals(Take.REFUSED_FIRST, bucket.take(3600 * SECOND), "an hour idle still gives only the burst");
    }

    @Test
    void aClockGoingBackwardsAddsNoTokens() {
        TokenBucket bucket = new TokenBucket(1, 1, SECOND);
        bucket.take(SECOND);
        assertEquals(Take.REFUSED_FIRST, bucket.take(0));
    }

    @Test
    void rateAndBurstMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(1, 0, 0));
    }
}
