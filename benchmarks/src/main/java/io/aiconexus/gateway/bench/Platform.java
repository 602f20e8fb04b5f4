package io.aiconexus.gateway.bench;

import io.aiconexus.gateway.identity.DidKeys;
import io.aiconexus.gateway.identity.EnvelopeSigner;
import io.aiconexus.gateway.identity.EnvelopeVerifier;
import io.aiconexus.gateway.identity.Identities;
import io.aiconexus.gateway.identity.internal.CachingEnvelopeVerifier;
import io.aiconexus.gateway.identity.internal.DidKeyCodec;
import io.aiconexus.gateway.identity.internal.JcsEnvelopeSigner;
import io.aiconexus.gateway.identity.internal.KeyFileIdentities;
import io.aiconexus.gateway.protocol.Canonicalizer;
import io.aiconexus.gateway.protocol.EnvelopeCodec;
import io.aiconexus.gateway.protocol.JsonLimits;
import io.aiconexus.gateway.protocol.internal.JacksonEnvelopeCodec;
import io.aiconexus.gateway.protocol.internal.JsonCanonicalizer;

/**
 * The protocol and identity components the gateway runs, built through their public constructors
 * with the defaults the runtime ships (no configuration file changes them today). Thread-safe, as
 * the components are.
 */
public final class Platform {
    public final EnvelopeCodec codec = new JacksonEnvelopeCodec(JsonLimits.DEFAULT);
    public final Canonicalizer canonicalizer = new JsonCanonicalizer();
    public final DidKeys didKeys = new DidKeyCodec();
    public final EnvelopeSigner signer = new JcsEnvelopeSigner(canonicalizer);
    public final EnvelopeVerifier envelopeVerifier = new CachingEnvelopeVerifier(canonicalizer, didKeys);
    public final Identities identities = new KeyFileIdentities();
}
