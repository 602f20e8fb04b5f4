package io.aiconexus.gateway.identity;

import java.util.Arrays;
import java.util.Objects;

/**
 * A decoded did:key for an Ed25519 public key.
 *
 * @param did       the DID exactly as written
 * @param publicKey the 32-byte Ed25519 public key (do not modify)
 * @param encoding  which of the two accepted encodings the DID uses
 */
public record DidKey(String did, byte[] publicKey, Encoding encoding) {

    /** The two did:key encodings of PROTOCOL.md section 3. */
    public enum Encoding {
        /** W3C did:key: {@code z} + base58btc(0xed 0x01 ‖ key). */
        STANDARD,
        /** The seed SDK's form: {@code z6Mk} + base58btc(key). */
        LEGACY
    }

    public DidKey {
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(encoding, "encoding");
        if (publicKey == null || publicKey.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DidKey that && did.equals(that.did) && Arrays.equals(publicKey, that.publicKey)
                && encoding == that.encoding;
    }

    @Override
    public int hashCode() {
        return did.hashCode();
    }

    @Override
    public String toString() {
        return did;
    }
}
