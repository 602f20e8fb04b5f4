package io.aiconexus.gateway.verification.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids one sender used inside the replay window. An id is forgotten once its frame's
 * timestamp has left the window, since a replay of it would then be stale anyway.
 */
final class SeenIds {
    private final LinkedHashMap<String, Long> expiries = new LinkedHashMap<>();

    /** Records {@code id}; false when it was already seen and has not expired. */
    synchronized boolean firstSighting(String id, long expiresAtMillis, long nowMillis, int maxIds) {
        forgetExpired(nowMillis);
        Long expiry = expiries.get(id);
        if (expiry != null && expiry > nowMillis) {
            return false;
        }
        expiries.put(id, expiresAtMillis);
        if (expiries.size() > maxIds) {
            Iterator<String> oldest = expiries.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    synchronized boolean isEmpty(long nowMillis) {
        forgetExpired(nowMillis);
        return expiries.isEmpty();
    }

    private void forgetExpired(long nowMillis) {
        // insertion order is close to timestamp order: stop at the first live entry
        Iterator<Map.Entry<String, Long>> entries = expiries.entrySet().iterator();
        while (entries.hasNext() && entries.next().getValue() <= nowMillis) {
            entries.remove();
        }
    }
}
