package io.aiconexus.gateway.sdk.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last frames received, by sender and id, so that a copy is not delivered twice: a sender's
 * queued frame keeps its id across reconnections, and may have reached us before its connection
 * broke. Bounded: the oldest ids are forgotten first.
 */
final class SeenFrames {
    private final Map<String, Boolean> seen;

    SeenFrames(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, not " + capacity);
        }
        this.seen = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Whether this is the first time frame {@code id} from {@code from} arrives (remembering it). */
    synchronized boolean firstTime(String from, String id) {
        // a newline never occurs in a DID, so the pair is unambiguous
        return seen.putIfAbsent(from + '\n' + id, Boolean.TRUE) == null;
    }
}
