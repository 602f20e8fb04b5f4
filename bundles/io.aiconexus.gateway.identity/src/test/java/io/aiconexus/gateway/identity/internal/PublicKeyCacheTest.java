package io.aiconexus.gateway.identity.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.junit.jupiter.api.Test;

class PublicKeyCacheTest {
    private static final PublicKeyCache.Entry ENTRY = entry();

    @Test
    void keysInUseSurviveRotation() {
        PublicKeyCache cache = new PublicKeyCache(8);
        cache.put("hot", ENTRY);
        for (int i = 0; i < 1_000; i++) {
            cache.put("cold-" + i, ENTRY);
            assertNotNull(cache.get("hot"), "a key read every round stays cached");
            assertTrue(cache.size() <= 9, "size " + cache.size());
        }
        assertNull(cache.get("cold-0"), "a key not used for a generation is gone");
        assertSame(ENTRY, cache.get("cold-999"));
    }

    @Test
    void staysBoundedUnderConcurrentUse() throws Exception {
        PublicKeyCache cache = new PublicKeyCache(1_000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 50_000; i++) {
                        String did = thread + "-" + (i % 3_000);
                        if (cache.get(did) == null) {
                            cache.put(did, ENTRY);
                        }
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        // two generations of 500, give or take a put per thread racing a rotation
        assertTrue(cache.size() <= 1_000 + 8, "size " + cache.size());
    }

    private static PublicKeyCache.Entry entry() {
        byte[] key = new Ed25519Identity(new byte[32]).publicKey();
        return new PublicKeyCache.Entry(key, new Ed25519PublicKeyParameters(key, 0));
    }
}
