package io.aiconexus.gateway.protocol;

import org.osgi.annotation.versioning.ProviderType;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Writes a JSON tree as canonical UTF-8 bytes. Trees must come from {@link EnvelopeCodec}, which
 * keeps number literals exact so that both forms can be computed from one parse.
 */
@ProviderType
public interface Canonicalizer {

    /** The canonical bytes of {@code node} in {@code form}. */
    byte[] canonicalize(JsonNode node, CanonicalForm form);

    /** The canonical bytes of {@code envelope} without its top-level {@code signature}: what is signed. */
    byte[] signingInput(JsonNode envelope, CanonicalForm form);
}
