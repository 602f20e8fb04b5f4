package io.aiconexus.gateway.registry;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.identity.DidKey;
import io.aiconexus.gateway.protocol.payload.Capability;
import io.aiconexus.gateway.transport.Connection;

/**
 * Who is connected. One DID is registered on at most one connection: registering it on a new
 * connection takes it over from the old one, which the caller then closes.
 */
@ProviderType
public interface AgentRegistry {

    /**
     * Registers {@code key} on {@code connection}, or updates capabilities and metadata when it is
     * already registered there.
     *
     * @return the agent's previous registration on <em>another</em> connection (taken over), if any
     */
    Optional<RegisteredAgent> register(Connection connection, DidKey key, List<Capability> capabilities, ObjectNode metadata);

    /** Removes {@code did} if it is registered on {@code connection}; false when it was not. */
    boolean unregister(String did, Connection connection);

    Optional<RegisteredAgent> byDid(String did);

    /** The agent registered on {@code connection}, if any. */
    Optional<RegisteredAgent> byConnection(Connection connection);

    Collection<RegisteredAgent> agents();

    /** Agents that advertised {@code name} (or a name starting with it, when {@code prefix}), oldest registration first. */
    List<RegisteredAgent> withCapability(String name, boolean prefix);

    int size();

    /** Records a frame received from the agent on {@code connection}: moves last_activity on. */
    void frameReceived(RegisteredAgent agent);

    /** Records a frame delivered to {@code agent}. */
    void frameSent(RegisteredAgent agent);
}
