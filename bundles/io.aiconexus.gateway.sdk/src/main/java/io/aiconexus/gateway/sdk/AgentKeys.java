package io.aiconexus.gateway.sdk;

import java.io.IOException;
import java.nio.file.Path;

import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.identity.Identities;
import io.aiconexus.gateway.identity.InvalidDidException;
import io.aiconexus.gateway.identity.internal.DidKeyCodec;
import io.aiconexus.gateway.identity.internal.KeyFileIdentities;

/**
 * An agent's key: make one, keep it in a file, load it again, show its DID. Key files are the
 * gateway's own format ({@code {"did", "public_key", "private_key", "type": "Ed25519"}}), written
 * atomically and readable by the owner only; a file that cannot be used is an {@link IOException}
 * that names the file and what is wrong with it.
 */
public final class AgentKeys {
    private static final Identities IDENTITIES = new KeyFileIdentities();
    private static final DidKeyCodec DID_KEYS = new DidKeyCodec();

    private AgentKeys() {
    }

    /** A new random Ed25519 key pair; its DID is {@link AgentIdentity#did()}. */
    public static AgentIdentity generate() {
        return IDENTITIES.generate();
    }

    /** The key pair of a 32-byte Ed25519 private key (seed). */
    public static AgentIdentity fromPrivateKey(byte[] privateKey) {
        return IDENTITIES.fromPrivateKey(privateKey);
    }

    /** Writes {@code identity} (made by this class) to {@code file}, replacing it. */
    public static void save(AgentIdentity identity, Path file) throws IOException {
        IDENTITIES.save(identity, file);
    }

    /** Reads a key file; the IOException says what is wrong with it (missing, not JSON, keys that do not match). */
    public static AgentIdentity load(Path file) throws IOException {
        return IDENTITIES.load(file);
    }

    /** The key in {@code file}, made and saved there first when the file does not exist. */
    public static AgentIdentity loadOrCreate(Path file) throws IOException {
        return IDENTITIES.loadOrCreate(file);
    }

    /** The seed SDK's legacy form of the same DID ({@code did:key:z6Mk} + base58 of the bare key). */
    public static String legacyDid(AgentIdentity identity) {
        return DID_KEYS.encodeLegacy(identity.publicKey());
    }

    /**
     * Why {@code did} is not an Ed25519 did:key, or {@code null} when it is one.
     */
    public static String checkDid(String did) {
        try {
            DID_KEYS.decode(did);
            return null;
        } catch (InvalidDidException e) {
            return e.getMessage();
        }
    }

    /** A few lines for people: the DID, its legacy form and the public key. */
    public static String describe(AgentIdentity identity) {
        return "DID:        " + identity.did() + System.lineSeparator()
                + "Legacy DID: " + legacyDid(identity) + System.lineSeparator()
                + "Public key: " + identity.publicKeyBase58() + " (base58btc, Ed25519)";
    }
}
