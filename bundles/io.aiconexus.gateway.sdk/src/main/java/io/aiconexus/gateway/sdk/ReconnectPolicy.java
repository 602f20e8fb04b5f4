package io.aiconexus.gateway.sdk;

import java.time.Duration;
import java.util.Objects;

/**
 * When a {@link GatewayClient} tries again after losing its connection: exponential backoff with
 * jitter. Attempt {@code n} (from 1) waits {@code min(maxDelay, initialDelay × multiplier^(n-1))},
 * less a random share of up to {@code jitter} of it, so that many agents dropped by one gateway
 * restart do not all come back in the same millisecond.
 *
 * @param initialDelay wait before the first attempt, positive
 * @param maxDelay     longest wait, at least {@code initialDelay}
 * @param multiplier   growth per attempt, at least 1
 * @param jitter       share of the wait that is random, from 0 (none) to 1 (anywhere from 0 to the full wait)
 * @param maxAttempts  attempts before the client gives up ({@link ClientState#FAILED}); 0 never reconnects
 */
public record ReconnectPolicy(Duration initialDelay, Duration maxDelay, double multiplier, double jitter,
        int maxAttempts) {

    /** 0.5 s doubling up to 30 s, half of each wait random, attempts without end. */
    public static final ReconnectPolicy DEFAULT =
            new ReconnectPolicy(Duration.ofMillis(500), Duration.ofSeconds(30), 2.0, 0.5, Integer.MAX_VALUE);

    /** No reconnection: a lost connection makes the client {@link ClientState#FAILED}. */
    public static final ReconnectPolicy NEVER =
            new ReconnectPolicy(Duration.ofMillis(500), Duration.ofMillis(500), 1.0, 0.0, 0);

    public ReconnectPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || initialDelay.isZero()) {
            throw new IllegalArgumentException("initialDelay must be positive, not " + initialDelay);
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("maxDelay " + maxDelay + " is shorter than initialDelay " + initialDelay);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be at least 1, not " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, not " + jitter);
        }
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts must not be negative, not " + maxAttempts);
        }
    }

    /** Exponential backoff from {@code initialDelay} to {@code maxDelay}, with the default jitter and no end. */
    public static ReconnectPolicy exponential(Duration initialDelay, Duration maxDelay) {
        return new ReconnectPolicy(initialDelay, maxDelay, DEFAULT.multiplier, DEFAULT.jitter, Integer.MAX_VALUE);
    }

    /** Whether a lost connection is retried at all. */
    public boolean reconnects() {
        return maxAttempts > 0;
    }

    /**
     * The wait before attempt {@code attempt} (1 for the first).
     *
     * @param random a number in [0, 1), chosen at random by the caller
     */
    public Duration delay(int attempt, double random) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, not " + attempt);
        }
        if (!(random >= 0.0 && random < 1.0)) {
            throw new IllegalArgumentException("random must be in [0, 1), not " + random);
        }
        double max = maxDelay.toNanos();
        // capped before it can overflow: multiplier^attempt grows without bound
        double base = Math.min(max, initialDelay.toNanos() * Math.pow(multiplier, Math.min(attempt - 1, 1000)));
        return Duration.ofNanos((long) (base * (1.0 - jitter * random)));
    }
}
