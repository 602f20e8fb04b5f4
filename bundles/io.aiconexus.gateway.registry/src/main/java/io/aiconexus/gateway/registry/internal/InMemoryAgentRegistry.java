package io.aiconexus.gateway.registry.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.identity.DidKey;
import io.aiconexus.gateway.protocol.payload.Capability;
import io.aiconexus.gateway.registry.AgentRegistry;
import io.aiconexus.gateway.registry.RegisteredAgent;
import io.aiconexus.gateway.transport.Connection;

/** The agent registry, in memory: two concurrent indexes, by DID and by connection. */
@Component(service = AgentRegistry.class, configurationPid = InMemoryAgentRegistry.PID)
@Designate(ocd = RegistryConfig.class)
public class InMemoryAgentRegistry implements AgentRegistry {
    static final String PID = "io.aiconexus.gateway.registry";
    private static final Logger LOG = LoggerFactory.getLogger(InMemoryAgentRegistry.class);
    private static final Comparator<AgentEntry> OLDEST_FIRST = Comparator.comparingLong(AgentEntry::registeredAtNanos);

    private final ConcurrentHashMap<String, AgentEntry> byDid = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AgentEntry> byConnection = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "aiconexus-registry-idle-sweep");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long idleTimeoutMillis;

    @Activate
    public InMemoryAgentRegistry(RegistryConfig config) {
        modified(config);
        int every = Math.max(1, config.sweepIntervalSeconds());
        sweeper.scheduleWithFixedDelay(this::dropIdleAgents, every, every, TimeUnit.SECONDS);
    }

    @Modified
    void modified(RegistryConfig config) {
        idleTimeoutMillis = TimeUnit.SECONDS.toMillis(Math.max(1, config.idleTimeoutSeconds()));
    }

    @Deactivate
    public void deactivate() {
        sweeper.shutdownNow();
    }

    @Override
    public Optional<RegisteredAgent> register(Connection connection, DidKey key, List<Capability> capabilities,
            ObjectNode metadata) {
        AgentEntry current = byConnection.get(connection.id());
        if (current != null && current.did().equals(key.did())) {
            current.update(capabilities, metadata);
            return Optional.empty();
        }
        AgentEntry entry = new AgentEntry(key, connection, capabilities, metadata);
        byConnection.put(connection.id(), entry);
        AgentEntry previous = byDid.put(key.did(), entry);
        if (previous == null || previous.connection() == connection) {
            return Optional.empty();
        }
        byConnection.remove(previous.connection().id(), previous);
        return Optional.of(previous);
    }

    @Override
    public boolean unregister(String did, Connection connection) {
        AgentEntry entry = byConnection.get(connection.id());
        if (entry == null || !entry.did().equals(did)) {
            return false;
        }
        byConnection.remove(connection.id(), entry);
        return byDid.remove(did, entry);
    }

    @Override
    public Optional<RegisteredAgent> byDid(String did) {
        return Optional.ofNullable(byDid.get(did));
    }

    @Override
    public Optional<RegisteredAgent> byConnection(Connection connection) {
        return Optional.ofNullable(byConnection.get(connection.id()));
    }

    @Override
    public Collection<RegisteredAgent> agents() {
        return Collections.unmodifiableCollection(byDid.values());
    }

    @Override
    public List<RegisteredAgent> withCapability(String name, boolean prefix) {
        List<AgentEntry> matches = new ArrayList<>();
        for (AgentEntry entry : byDid.values()) {
            if (entry.hasCapability(name, prefix)) {
                matches.add(entry);
            }
        }
        matches.sort(OLDEST_FIRST);
        return List.copyOf(matches);
    }

    @Override
    public int size() {
        return byDid.size();
    }

    @Override
    public void frameReceived(RegisteredAgent agent) {
        ((AgentEntry) agent).countIn();
    }

    @Override
    public void frameSent(RegisteredAgent agent) {
        ((AgentEntry) agent).countOut();
    }

    void dropIdleAgents() {
        long deadline = System.currentTimeMillis() - idleTimeoutMillis;
        for (AgentEntry entry : byDid.values()) {
            if (entry.lastActivityMillis() < deadline && unregister(entry.did(), entry.connection())) {
                LOG.info("Agent {} idle for {} s: disconnected", entry, idleTimeoutMillis / 1000);
                entry.connection().close(1000, "idle timeout");
            }
        }
    }
}
