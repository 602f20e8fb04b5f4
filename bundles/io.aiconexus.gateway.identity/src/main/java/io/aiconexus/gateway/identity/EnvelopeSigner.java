package io.aiconexus.gateway.identity;

import org.osgi.annotation.versioning.ProviderType;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Signs envelopes: {@code signature} = base64(Ed25519(RFC 8785 bytes of the envelope without it)). */
@ProviderType
public interface EnvelopeSigner {

    /** Sets {@code signature} on {@code envelope} (replacing any) and returns it. */
    ObjectNode sign(AgentIdentity identity, ObjectNode envelope);
}
