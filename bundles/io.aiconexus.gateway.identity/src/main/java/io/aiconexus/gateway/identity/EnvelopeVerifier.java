package io.aiconexus.gateway.identity;

import org.osgi.annotation.versioning.ProviderType;

import io.aiconexus.gateway.protocol.Envelope;

/**
 * Verifies envelope signatures: RFC 8785 bytes first, then the seed SDK's Python form when its
 * bytes differ. Decoded keys are cached per DID, so a frame costs one canonicalization and one
 * Ed25519 verification.
 */
@ProviderType
public interface EnvelopeVerifier {

    /** Verifies {@code envelope} against the key of the DID in its {@code from}. */
    SignatureCheck verify(Envelope envelope);

    /** Verifies {@code envelope} against an already decoded key. */
    SignatureCheck verify(Envelope envelope, DidKey signer);

    /** Raw Ed25519 verification of {@code signature} over {@code message}. */
    boolean verify(byte[] publicKey, byte[] message, byte[] signature);
}
