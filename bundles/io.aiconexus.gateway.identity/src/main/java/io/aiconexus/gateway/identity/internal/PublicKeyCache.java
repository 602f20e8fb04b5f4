package io.aiconexus.gateway.identity.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * Decoded public keys by DID, bounded. Two generations: new entries go to the young map; when it
 * is full it becomes the old one and the previous old one is dropped, and a key found in the old
 * map moves back to the young one. So keys in use stay cached, keys not seen for a generation go,
 * and no bookkeeping happens per hit. Holds at most about {@code capacity} entries.
 */
final class PublicKeyCache {

    /** A cached key: its bytes (to check a caller-supplied DidKey against) and the decoded point. */
    record Entry(byte[] publicKey, Ed25519PublicKeyParameters parameters) {
    }

    private final int generationSize;
    private volatile Map<String, Entry> young = new ConcurrentHashMap<>();
    private volatile Map<String, Entry> old = new ConcurrentHashMap<>();

    PublicKeyCache(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("the key cache holds at least 2 entries, not " + capacity);
        }
        this.generationSize = capacity / 2;
    }

    Entry get(String did) {
        Entry entry = young.get(did);
        if (entry == null) {
            entry = old.get(did);
            if (entry != null) {
                put(did, entry);
            }
        }
        return entry;
    }

    void put(String did, Entry entry) {
        Map<String, Entry> current = young;
        if (current.size() >= generationSize) {
            current = rotate(current);
        }
        current.put(did, entry);
    }

    /** Entries held now, both generations (a key in both counts twice). */
    int size() {
        return young.size() + old.size();
    }

    private synchronized Map<String, Entry> rotate(Map<String, Entry> full) {
        // another thread may have rotated while this one waited: rotate once per full generation
        if (young == full) {
            old = full;
            young = new ConcurrentHashMap<>();
        }
        return young;
    }
}
