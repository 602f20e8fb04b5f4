package io.aiconexus.gateway.registry;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.identity.DidKey;
import io.aiconexus.gateway.protocol.payload.Capability;
import io.aiconexus.gateway.transport.Connection;

/** An agent registered on a connection. */
@ProviderType
public interface RegisteredAgent {

    String did();

    /** The decoded DID: its public key and encoding. */
    DidKey key();

    Connection connection();

    /** When the connection opened. */
    Instant connectedAt();

    /** When the last frame from this agent arrived (PINGs to the gateway included). */
    Instant lastActivity();

    /** Capabilities advertised by the latest REGISTER (a new REGISTER replaces them). */
    List<Capability> capabilities();

    /** {@code payload.metadata} of the latest REGISTER, or an empty object. */
    ObjectNode metadata();

    long framesIn();

    long framesOut();

    /** Whether this agent advertised a capability named {@code name} (or starting with it, when {@code prefix}). */
    boolean hasCapability(String name, boolean prefix);
}
