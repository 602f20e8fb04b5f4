package io.aiconexus.gateway.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.aiconexus.gateway.discovery.AgentPage;
import io.aiconexus.gateway.discovery.AgentQuery;
import io.aiconexus.gateway.identity.DidKey;
import io.aiconexus.gateway.identity.DidKey.Encoding;
import io.aiconexus.gateway.protocol.payload.Capability;
import io.aiconexus.gateway.registry.RegisteredAgent;
import io.aiconexus.gateway.registry.internal.InMemoryAgentRegistry;
import io.aiconexus.gateway.registry.internal.RegistryConfig;
import io.aiconexus.gateway.transport.testing.RecordingConnection;

class SelectionAndDirectoryTest {
    private final InMemoryAgentRegistry registry = new InMemoryAgentRegistry(Configs.of(RegistryConfig.class, Map.of()));
    private final RegistryAgentDirectory directory = new RegistryAgentDirectory(registry);
    private final StatisticsBook statistics = new StatisticsBook();

    @AfterEach
    void stop() {
        registry.deactivate();
    }

    @Test
    void pagesAreInDidOrderAndCoverEveryMatchOnce() {
        for (int i = 9; i >= 1; i--) {
            register("did:key:z6Mk" + i, i, "echo", "fast");
        }
        register("did:key:z6MkX", 20, "time", null);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            AgentPage page = directory.find(new AgentQuery("echo", false, null, 4, cursor));
            page.agents().forEach(agent -> seen.add(agent.did()));
            cursor = page.next();
        } while (cursor != null);

        assertEquals(List.of("did:key:z6Mk1", "did:key:z6Mk2", "did:key:z6Mk3", "did:key:z6Mk4", "did:key:z6Mk5",
                "did:key:z6Mk6", "did:key:z6Mk7", "did:key:z6Mk8", "did:key:z6Mk9"), seen);
        assertEquals(9, directory.find(new AgentQuery(null, false, "fast", 0, null)).agents().size());
        assertEquals(10, directory.find(new AgentQuery(null, false, null, 0, null)).agents().size());
        assertNull(directory.find(AgentQuery.capability("echo")).next());
        assertThrows(IllegalArgumentException.class, () -> directory.find(new AgentQuery("echo", false, null, 2, "%%%")));
    }

    @Test
    void roundRobinTakesTurnsPerCapability() {
        List<RegisteredAgent> candidates = List.of(register("did:key:z6MkA", 1, "echo", null),
                register("did:key:z6MkB", 2, "echo", null));
        RoundRobinSelector selector = new RoundRobinSelector();

        assertEquals("did:key:z6MkA", selector.select("echo", candidates, statistics).did());
        assertEquals("did:key:z6MkB", selector.select("echo", candidates, statistics).did());
        assertEquals("did:key:z6MkA", selector.select("echo", candidates, statistics).did());
        assertEquals("did:key:z6MkA", selector.select("time", candidates, statistics).did());
    }

    @Test
    void leastInFlightAndBestRecentReadTheStatistics() {
        List<RegisteredAgent> candidates = List.of(register("did:key:z6MkA", 1, "echo", null),
                register("did:key:z6MkB", 2, "echo", null));
        statistics.started("did:key:z6MkA");

        assertEquals("did:key:z6MkB", new LeastInFlightSelector().select("echo", candidates, statistics).did());

        statistics.failed("did:key:z6MkA");
        statistics.started("did:key:z6MkB");
        statistics.succeeded("did:key:z6MkB", 12.0);
        assertEquals("did:key:z6MkB", new BestRecentSelector().select("echo", candidates, statistics).did());
        assertEquals(1, statistics.of("did:key:z6MkA").failures());
        assertEquals(12.0, statistics.of("did:key:z6MkB").p50Millis());
    }

    private RegisteredAgent register(String did, int seed, String capability, String tag) {
        byte[] key = new byte[32];
        key[0] = (byte) seed;
        RecordingConnection connection = new RecordingConnection();
        registry.register(connection, new DidKey(did, key, Encoding.STANDARD),
                List.of(new Capability(capability, null, null, null, null, null, tag == null ? List.of() : List.of(tag))),
                JsonNodeFactory.instance.objectNode());
        return registry.byDid(did).orElseThrow();
    }
}
