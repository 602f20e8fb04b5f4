package io.aiconexus.gateway.identity;

import org.osgi.annotation.versioning.ProviderType;

/** An Ed25519 key pair with its did:key: what an agent (or the gateway) signs with. */
@ProviderType
public interface AgentIdentity {

    /** Service property naming the role of a registered identity, e.g. {@value #GATEWAY}. */
    String ROLE = "ioap.identity";

    /** The {@link #ROLE} of the gateway's own identity, kept in its data directory. */
    String GATEWAY = "gateway";

    /** Reference target selecting the gateway's own identity service. */
    String GATEWAY_TARGET = "(" + ROLE + "=" + GATEWAY + ")";

    /** The standard did:key of this key pair. */
    String did();

    /** The 32-byte public key (a copy). */
    byte[] publicKey();

    /** base58btc of the public key, as sent in {@code payload.public_key} of REGISTER. */
    String publicKeyBase58();

    /** The 64-byte Ed25519 signature of {@code message}. */
    byte[] sign(byte[] message);
}
