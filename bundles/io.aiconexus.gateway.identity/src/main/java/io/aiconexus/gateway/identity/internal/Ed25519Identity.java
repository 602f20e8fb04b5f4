package io.aiconexus.gateway.identity.internal;

import java.security.SecureRandom;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

import io.aiconexus.gateway.identity.AgentIdentity;

/**
 * An Ed25519 key pair held as Bouncy Castle key parameters. The public key is derived once and
 * passed to every signature, so signing costs one scalar multiplication and no re-derivation.
 * Immutable and thread-safe.
 */
public final class Ed25519Identity implements AgentIdentity {
    static final int SEED_SIZE = Ed25519PrivateKeyParameters.KEY_SIZE;
    static final int SIGNATURE_SIZE = Ed25519PrivateKeyParameters.SIGNATURE_SIZE;

    private final Ed25519PrivateKeyParameters privateKey;
    private final Ed25519PublicKeyParameters publicKey;
    private final byte[] publicKeyBytes;
    private final String did;
    private final String publicKeyBase58;

    /** The key pair of a 32-byte Ed25519 private key (the RFC 8032 seed). */
    public Ed25519Identity(byte[] seed) {
        this(fromSeed(seed));
    }

    private Ed25519Identity(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.publicKey = privateKey.generatePublicKey();
        this.publicKeyBytes = publicKey.getEncoded();
        this.did = DidKeyCodec.standardDid(publicKeyBytes);
        this.publicKeyBase58 = Base58.encode(publicKeyBytes);
    }

    /** A new key pair from {@code random}. */
    public static Ed25519Identity generate(SecureRandom random) {
        return new Ed25519Identity(new Ed25519PrivateKeyParameters(random));
    }

    private static Ed25519PrivateKeyParameters fromSeed(byte[] seed) {
        if (seed == null || seed.length != SEED_SIZE) {
            throw new IllegalArgumentException("an Ed25519 private key (seed) has 32 bytes");
        }
        return new Ed25519PrivateKeyParameters(seed, 0);
    }

    @Override
    public String did() {
        return did;
    }

    @Override
    public byte[] publicKey() {
        return publicKeyBytes.clone();
    }

    @Override
    public String publicKeyBase58() {
        return publicKeyBase58;
    }

    @Override
    public byte[] sign(byte[] message) {
        byte[] signature = new byte[SIGNATURE_SIZE];
        privateKey.sign(Ed25519.Algorithm.Ed25519, publicKey, null, message, 0, message.length, signature, 0);
        return signature;
    }

    /** The 32-byte seed, for the key file. Kept out of the API so that only a key store can reach it. */
    byte[] seed() {
        return privateKey.getEncoded();
    }

    /** Only the DID: the private key must never reach a log. */
    @Override
    public String toString() {
        return did;
    }
}
