package io.aiconexus.gateway.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Copies are recognised per sender, and memory stays bounded. */
class SeenFramesTest {

    @Test
    void aCopyFromTheSameSenderIsRecognised() {
        SeenFrames seen = new SeenFrames(10);

        assertTrue(seen.firstTime("did:key:a", "1"));
        assertFalse(seen.firstTime("did:key:a", "1"));
        assertTrue(seen.firstTime("did:key:b", "1"), "the same id from another sender is another frame");
    }

    @Test
    void theOldestIdsAreForgottenFirst() {
        SeenFrames seen = new SeenFrames(2);
        seen.firstTime("did:key:a", "1");
        seen.firstTime("did:key:a", "2");
        seen.firstTime("did:key:a", "3");

        assertTrue(seen.firstTime("did:key:a", "1"), "forgotten: beyond the capacity");
        assertFalse(seen.firstTime("did:key:a", "3"));
    }
}
