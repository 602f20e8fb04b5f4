package io.aiconexus.gateway.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class JfrTopTest {

    @Test
    void aSampleCountsForTheLibraryOfItsInnermostFrameOutsideTheJdk() {
        assertEquals("org.bouncycastle", JfrTop.library(List.of("org.bouncycastle.math.ec.rfc7748.X25519Field",
                "org.bouncycastle.math.ec.rfc8032.Ed25519", "io.aiconexus.gateway.identity.internal.CachingEnvelopeVerifier")));
        assertEquals("org.eclipse", JfrTop.library(List.of("java.util.HashMap", "sun.nio.ch.SocketChannelImpl",
                "org.eclipse.jetty.io.SocketChannelEndPoint", "io.aiconexus.gateway.transport.internal.SocketEndpoint")),
                "JDK frames count for the library that called them");
        assertEquals("the JDK alone", JfrTop.library(List.of("java.lang.Thread", "jdk.internal.misc.Unsafe")));
    }
}
