package io.aiconexus.gateway.protocol;

import org.osgi.annotation.versioning.ProviderType;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Writes a JSON tree as canonical UTF-8 bytes. Trees must come from {@link EnvelopeCodec}, which
 * keeps number literals exact so that both forms can be computed from one parse.
 */
@ProviderType
public interface Canonicalizer {

    /**
     * The canonical bytes of {@code node} in {@code form}.
     *
     * @throws IllegalArgumentException when the tree has no form in {@code form}: for JCS a lone
     *         surrogate or a number beyond the double range (RFC 8785 refuses both); for either form
     *         a node that is not JSON (binary, POJO). A frame holding such values cannot carry a
     *         valid signature in that form.
     */
    byte[] canonicalize(JsonNode node, CanonicalForm form);

    /**
     * The canonical bytes of {@code envelope} without its top-level {@code signature}: what is signed.
     *
     * @throws IllegalArgumentException as {@link #canonicalize}, or when {@code envelope} is not an object
     */
    byte[] signingInput(JsonNode envelope, CanonicalForm form);
}
