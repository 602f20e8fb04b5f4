package io.aiconexus.gateway.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.aiconexus.gateway.identity.DidKey;
import io.aiconexus.gateway.identity.DidKey.Encoding;
import io.aiconexus.gateway.protocol.payload.Capability;
import io.aiconexus.gateway.registry.RegisteredAgent;
import io.aiconexus.gateway.transport.testing.RecordingConnection;

class InMemoryAgentRegistryTest {
    private final InMemoryAgentRegistry registry = new InMemoryAgentRegistry(config(300));

    @AfterEach
    void stop() {
        registry.deactivate();
    }

    @Test
    void anAgentIsFoundByDidAndByConnection() {
        RecordingConnection connection = new RecordingConnection();
        registry.register(connection, key("did:key:z6MkA", 1), List.of(), null);

        assertEquals("did:key:z6MkA", registry.byDid("did:key:z6MkA").orElseThrow().did());
        assertSame(connection, registry.byConnection(connection).orElseThrow().connection());
        assertEquals(1, registry.size());
    }

    @Test
    void registeringTheSameDidOnANewConnectionTakesItOver() {
        RecordingConnection first = new RecordingConnection();
        RecordingConnection second = new RecordingConnection();
        registry.register(first, key("did:key:z6MkA", 1), List.of(), null);

        Optional<RegisteredAgent> replaced = registry.register(second, key("did:key:z6MkA", 1), List.of(), null);

        assertSame(first, replaced.orElseThrow().connection());
        assertSame(second, registry.byDid("did:key:z6MkA").orElseThrow().connection());
        assertTrue(registry.byConnection(first).isEmpty());
        assertFalse(registry.unregister("did:key:z6MkA", first), "the old connection no longer owns the DID");
        assertEquals(1, registry.size());
    }

    @Test
    void aSecondRegisterReplacesCapabilitiesWithoutMerging() {
        RecordingConnection connection = new RecordingConnection();
        registry.register(connection, key("did:key:z6MkA", 1), List.of(capability("echo"), capability("time")), null);

        Optional<RegisteredAgent> replaced = registry.register(connection, key("did:key:z6MkA", 1),
                List.of(capability("translate")), null);

        assertTrue(replaced.isEmpty());
        RegisteredAgent agent = registry.byDid("did:key:z6MkA").orElseThrow();
        assertEquals(List.of("translate"), agent.capabilities().stream().map(Capability::name).toList());
        assertTrue(registry.withCapability("echo", false).isEmpty());
    }

    @Test
    void capabilitiesMatchExactlyOrByPrefix() {
        registry.register(new RecordingConnection(), key("did:key:z6MkA", 1), List.of(capability("text.translate")), null);
        registry.register(new RecordingConnection(), key("did:key:z6MkB", 2), List.of(capability("text.summarize")), null);
        registry.register(new RecordingConnection(), key("did:key:z6MkC", 3), List.of(capability("image.render")), null);

        assertEquals(List.of("did:key:z6MkA"), dids(registry.withCapability("text.translate", false)));
        assertEquals(List.of("did:key:z6MkA", "did:key:z6MkB"), dids(registry.withCapability("text.", true)));
        assertTrue(registry.withCapability("text.", false).isEmpty());
    }

    @Test
    void unregisterRemovesAtOnce() {
        RecordingConnection connection = new RecordingConnection();
        registry.register(connection, key("did:key:z6MkA", 1), List.of(), null);

        assertTrue(registry.unregister("did:key:z6MkA", connection));

        assertTrue(registry.byDid("did:key:z6MkA").isEmpty());
        assertTrue(registry.byConnection(connection).isEmpty());
        assertEquals(0, registry.size());
    }

    @Test
    void framesMoveLastActivityAndAreCounted() throws InterruptedException {
        RecordingConnection connection = new RecordingConnection();
        registry.register(connection, key("did:key:z6MkA", 1), List.of(), null);
        RegisteredAgent agent = registry.byDid("did:key:z6MkA").orElseThrow();
        var before = agent.lastActivity();
        Thread.sleep(5);

        registry.frameReceived(agent);
        registry.frameSent(agent);
        registry.frameSent(agent);

        assertTrue(agent.lastActivity().isAfter(before));
        assertEquals(1, agent.framesIn());
        assertEquals(2, agent.framesOut());
    }

    @Test
    void idleAgentsAreDisconnectedAndRemoved() throws InterruptedException {
        InMemoryAgentRegistry strict = new InMemoryAgentRegistry(config(1));
        try {
            RecordingConnection quiet = new RecordingConnection();
            strict.register(quiet, key("did:key:z6MkA", 1), List.of(), null);
            Thread.sleep(1100);

            strict.dropIdleAgents();

            assertEquals(0, strict.size());
            assertEquals(1000, quiet.closeCode);
            assertEquals("idle timeout", quiet.closeReason);
        } finally {
            strict.deactivate();
        }
    }

    private static List<String> dids(List<RegisteredAgent> agents) {
        return agents.stream().map(RegisteredAgent::did).toList();
    }

    private static DidKey key(String did, int seed) {
        byte[] key = new byte[32];
        key[0] = (byte) seed;
        return new DidKey(did, key, Encoding.LEGACY);
    }

    private static Capability capability(String name) {
        return new Capability(name, null, null, null, null, null, List.of());
    }

    private static RegistryConfig config(int idleSeconds) {
        return new RegistryConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RegistryConfig.class;
            }

            @Override
            public int idleTimeoutSeconds() {
                return idleSeconds;
            }

            @Override
            public int sweepIntervalSeconds() {
                return 3600;
            }
        };
    }
}
