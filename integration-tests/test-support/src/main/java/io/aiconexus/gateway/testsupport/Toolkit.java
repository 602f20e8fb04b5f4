package io.aiconexus.gateway.testsupport;

import java.net.URI;

import io.aiconexus.gateway.identity.Identities;
import io.aiconexus.gateway.identity.EnvelopeSigner;
import io.aiconexus.gateway.protocol.Canonicalizer;
import io.aiconexus.gateway.protocol.EnvelopeCodec;

/**
 * What a test agent needs to build and sign frames, and where the gateway listens. The signing
 * code is the platform's, but everything crosses a real WebSocket as text.
 */
public record Toolkit(EnvelopeCodec codec, EnvelopeSigner signer, Canonicalizer canonicalizer, Identities identities,
        URI gateway) {
}
