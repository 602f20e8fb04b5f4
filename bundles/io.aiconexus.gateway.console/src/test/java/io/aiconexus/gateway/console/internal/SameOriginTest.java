package io.aiconexus.gateway.console.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SameOriginTest {

    @Test
    void theConsolesOwnPageMayAct() {
        assertTrue(SameOrigin.allows("same-origin", "http://127.0.0.1:8080", "127.0.0.1:8080"));
        assertTrue(SameOrigin.allows(null, "http://console.example", "console.example"));
    }

    @Test
    void scriptsWithoutBrowserHeadersMayAct() {
        assertTrue(SameOrigin.allows(null, null, "127.0.0.1:8080"));
        assertTrue(SameOrigin.allows("none", null, "127.0.0.1:8080"), "typed in the address bar");
    }

    @Test
    void anotherSiteMayNot() {
        assertFalse(SameOrigin.allows("cross-site", "https://evil.example", "127.0.0.1:8080"));
        assertFalse(SameOrigin.allows("same-site", "http://127.0.0.1:9090", "127.0.0.1:8080"));
        assertFalse(SameOrigin.allows(null, "https://evil.example", "127.0.0.1:8080"), "an older browser: Origin only");
        assertFalse(SameOrigin.allows(null, "null", "127.0.0.1:8080"), "an opaque origin");
        assertFalse(SameOrigin.allows(null, "http://127.0.0.1:8080", null));
        assertFalse(SameOrigin.allows(null, "not a uri", "127.0.0.1:8080"));
    }
}
