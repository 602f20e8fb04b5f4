package io.aiconexus.gateway.identity;

import org.osgi.annotation.versioning.ProviderType;

/** Decodes and encodes did:key DIDs for Ed25519 keys, and base58btc. */
@ProviderType
public interface DidKeys {

    /**
     * Decodes {@code did}: the standard encoding first (34 bytes with the {@code ed01} prefix),
     * then the legacy one (exactly 32 bytes).
     */
    DidKey decode(String did) throws InvalidDidException;

    /** The standard (W3C) did:key of a 32-byte Ed25519 public key. */
    String encode(byte[] publicKey);

    /** The seed SDK's legacy did:key of a 32-byte Ed25519 public key. */
    String encodeLegacy(byte[] publicKey);

    String base58(byte[] bytes);

    byte[] fromBase58(String text) throws InvalidDidException;
}
