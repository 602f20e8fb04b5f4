package io.aiconexus.gateway.identity;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/** Creates, stores and loads agent key pairs. */
@ProviderType
public interface Identities {

    /** A new random key pair. */
    AgentIdentity generate();

    /** The key pair derived from a 32-byte Ed25519 private key (seed). */
    AgentIdentity fromPrivateKey(byte[] privateKey);

    /** Writes {@code identity} to {@code file} (JSON, owner-only permissions where supported). */
    void save(AgentIdentity identity, Path file) throws IOException;

    /** Reads a key file written by {@link #save}; an unreadable or malformed file is an IOException saying why. */
    AgentIdentity load(Path file) throws IOException;

    /** The identity in {@code file}, generated and saved there first if the file does not exist. */
    AgentIdentity loadOrCreate(Path file) throws IOException;
}
