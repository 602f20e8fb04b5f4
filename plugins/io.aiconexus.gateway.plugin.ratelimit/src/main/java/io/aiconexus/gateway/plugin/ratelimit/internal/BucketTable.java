package io.aiconexus.gateway.plugin.ratelimit.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.aiconexus.gateway.plugin.ratelimit.internal.TokenBucket.Take;

/**
 * One token bucket per key (an agent's DID, a remote host), with bounded memory: a bucket that has
 * refilled completely is indistinguishable from a new one, so {@link #forgetIdle()} drops it without
 * changing any decision. When {@code maxKeys} active buckets exist, a new key is not tracked (its
 * frames pass): the bound holds, and the table never refuses a sender it has no record of.
 */
final class BucketTable {
    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final double ratePerSecond;
    private final int burst;
    private final int maxKeys;
    private final LongSupplier nanoClock;

    BucketTable(double ratePerSecond, int burst, int maxKeys, LongSupplier nanoClock) {
        if (ratePerSecond <= 0 || burst < 1 || maxKeys < 1) {
            throw new IllegalArgumentException("rate, burst and maxKeys must be positive");
        }
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.maxKeys = maxKeys;
        this.nanoClock = nanoClock;
    }

    Take take(String key) {
        long now = nanoClock.getAsLong();
        TokenBucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxKeys && forgetIdle() == 0 && buckets.size() >= maxKeys) {
                return Take.UNTRACKED;
            }
            bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(ratePerSecond, burst, now));
        }
        // a bucket forgotten concurrently with this take loses at most this one token: the next
        // frame starts a full bucket, which is what the forgotten one was anyway
        return bucket.take(now);
    }

    /** Drops every bucket that has refilled completely; returns how many. */
    int forgetIdle() {
        long now = nanoClock.getAsLong();
        int before = buckets.size();
        buckets.values().removeIf(bucket -> bucket.isFull(now));
        return Math.max(0, before - buckets.size());
    }

    int size() {
        return buckets.size();
    }

    double ratePerSecond() {
        return ratePerSecond;
    }

    int burst() {
        return burst;
    }
}
