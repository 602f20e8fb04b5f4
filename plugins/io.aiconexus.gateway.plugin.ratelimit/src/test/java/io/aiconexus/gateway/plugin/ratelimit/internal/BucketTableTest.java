package io.aiconexus.gateway.plugin.ratelimit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.aiconexus.gateway.plugin.ratelimit.internal.TokenBucket.Take;

class BucketTableTest {
    private final AtomicLong now = new AtomicLong();

    @Test
    void eachKeyHasItsOwnBucket() {
        BucketTable table = new BucketTable(1, 2, 100, now::get);
        assertEquals(Take.ALLOWED, table.take("a"));
        assertEquals(Take.ALLOWED, table.take("a"));
        assertEquals(Take.REFUSED_FIRST, table.take("a"));
        assertEquals(Take.ALLOWED, table.take("b"), "b is not charged for a's frames");
        assertEquals(2, table.size());
    }

    @Test
    void onlyRefilledBucketsAreForgotten() {
        BucketTable table = new BucketTable(1, 2, 100, now::get);
        table.take("idle");
        table.take("busy");
        table.take("busy");
        now.set(TimeUnit.SECONDS.toNanos(1));
        assertEquals(1, table.forgetIdle(), "idle has refilled its one token, busy has one of two");
        assertEquals(1, table.size());
        assertEquals(Take.ALLOWED, table.take("busy"));
        assertEquals(Take.REFUSED_FIRST, table.take("busy"), "forgetting others did not reset busy");
    }

    @Test
    void memoryStaysBoundedAndUntrackedSendersPass() {
        BucketTable table = new BucketTable(1, 1, 3, now::get);
        for (String key : new String[] { "a", "b", "c" }) {
            table.take(key);
        }
        assertEquals(Take.UNTRACKED, table.take("d"), "three active buckets: d is not tracked");
        assertEquals(3, table.size());
        now.set(TimeUnit.SECONDS.toNanos(1));
        assertEquals(Take.ALLOWED, table.take("d"), "a full table sweeps refilled buckets before refusing to track");
        assertEquals(1, table.size());
    }
}
