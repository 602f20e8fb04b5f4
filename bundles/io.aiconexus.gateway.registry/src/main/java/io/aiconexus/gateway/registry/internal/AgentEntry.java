package io.aiconexus.gateway.registry.internal;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.identity.DidKey;
import io.aiconexus.gateway.protocol.payload.Capability;
import io.aiconexus.gateway.registry.RegisteredAgent;
import io.aiconexus.gateway.transport.Connection;

/** One registration. Capabilities and metadata are replaced whole by a new REGISTER, never merged. */
final class AgentEntry implements RegisteredAgent {
    private final DidKey key;
    private final Connection connection;
    private final long registeredAtNanos = System.nanoTime();
    private final LongAdder framesIn = new LongAdder();
    private final LongAdder framesOut = new LongAdder();
    private volatile List<Capability> capabilities;
    private volatile ObjectNode metadata;
    private volatile long lastActivityMillis = System.currentTimeMillis();

    AgentEntry(DidKey key, Connection connection, List<Capability> capabilities, ObjectNode metadata) {
        this.key = key;
        this.connection = connection;
        update(capabilities, metadata);
    }

    void update(List<Capability> capabilities, ObjectNode metadata) {
        this.capabilities = List.copyOf(capabilities);
        this.metadata = metadata;
        touch();
    }

    void touch() {
        lastActivityMillis = System.currentTimeMillis();
    }

    long lastActivityMillis() {
        return lastActivityMillis;
    }

    long registeredAtNanos() {
        return registeredAtNanos;
    }

    void countIn() {
        framesIn.increment();
        touch();
    }

    void countOut() {
        framesOut.increment();
    }

    @Override
    public String did() {
        return key.did();
    }

    @Override
    public DidKey key() {
        return key;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public Instant connectedAt() {
        return connection.openedAt();
    }

    @Override
    public Instant lastActivity() {
        return Instant.ofEpochMilli(lastActivityMillis);
    }

    @Override
    public List<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public ObjectNode metadata() {
        return metadata;
    }

    @Override
    public long framesIn() {
        return framesIn.sum();
    }

    @Override
    public long framesOut() {
        return framesOut.sum();
    }

    @Override
    public boolean hasCapability(String name, boolean prefix) {
        for (Capability capability : capabilities) {
            if (prefix ? capability.name().startsWith(name) : capability.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return key.did() + " on " + connection.id() + " (" + connection.remoteAddress() + ")";
    }
}
