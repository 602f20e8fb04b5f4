package io.aiconexus.gateway.plugin.ratelimit.internal;

/**
 * A token bucket: it holds up to {@code burst} tokens, refills continuously at {@code rate} tokens
 * per second, and every frame takes one. Starts full, so a new sender gets its whole burst.
 */
final class TokenBucket {
    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double tokensPerNano;
    private final double capacity;
    private double tokens;
    private long updatedNanos;
    private boolean limited;

    TokenBucket(double ratePerSecond, int burst, long nowNanos) {
        if (ratePerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a token bucket needs a positive rate and a burst of at least 1");
        }
        this.tokensPerNano = ratePerSecond / NANOS_PER_SECOND;
        this.capacity = burst;
        this.tokens = burst;
        this.updatedNanos = nowNanos;
    }

    /** Takes one token if there is one. */
    synchronized Take take(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            limited = false;
            return Take.ALLOWED;
        }
        // the first refusal of a run is the one worth a log line; the others only get their ERROR
        Take take = limited ? Take.REFUSED : Take.REFUSED_FIRST;
        limited = true;
        return take;
    }

    /** Whether the bucket has refilled completely: then it behaves exactly like a new one and can be forgotten. */
    synchronized boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - updatedNanos;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            updatedNanos = nowNanos;
        }
    }

    /** What became of one frame. */
    enum Take {
        ALLOWED,
        /** Refused, and the previous frame through this bucket was allowed. */
        REFUSED_FIRST,
        REFUSED,
        /** Not counted: the table was full of active buckets (see {@link BucketTable}). */
        UNTRACKED;

        boolean refused() {
            return this == REFUSED || this == REFUSED_FIRST;
        }
    }
}
