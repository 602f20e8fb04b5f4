package io.aiconexus.gateway.identity.internal;

import java.util.Base64;
import java.util.Objects;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.identity.EnvelopeSigner;
import io.aiconexus.gateway.protocol.CanonicalForm;
import io.aiconexus.gateway.protocol.Canonicalizer;

/**
 * Signs envelopes over their RFC 8785 bytes, the only form the gateway ever signs with
 * (PROTOCOL.md section 8); the Python form is accepted from the seed SDK, never produced.
 */
@Component(service = EnvelopeSigner.class)
public class JcsEnvelopeSigner implements EnvelopeSigner {
    static final String SIGNATURE = "signature";

    private final Canonicalizer canonicalizer;

    @Activate
    public JcsEnvelopeSigner(@Reference(name = "canonicalizer") Canonicalizer canonicalizer) {
        this.canonicalizer = Objects.requireNonNull(canonicalizer, "canonicalizer");
    }

    @Override
    public ObjectNode sign(AgentIdentity identity, ObjectNode envelope) {
        // removed first so that the new signature is written last, where readers of the seed format expect it
        envelope.remove(SIGNATURE);
        byte[] signature = identity.sign(canonicalizer.signingInput(envelope, CanonicalForm.JCS));
        envelope.put(SIGNATURE, Base64.getEncoder().encodeToString(signature));
        return envelope;
    }
}
