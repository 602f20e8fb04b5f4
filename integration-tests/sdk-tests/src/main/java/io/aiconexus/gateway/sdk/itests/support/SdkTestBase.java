package io.aiconexus.gateway.sdk.itests.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.osgi.test.common.annotation.InjectService;

import io.aiconexus.gateway.registry.AgentRegistry;
import io.aiconexus.gateway.sdk.AgentKeys;
import io.aiconexus.gateway.sdk.GatewayClient;
import io.aiconexus.gateway.transport.Transport;

/**
 * The assembled gateway inside Felix, seen from the SDK's side of a real WebSocket. The transport
 * is taken once the test configuration (etc/: port 0) is applied to it. Clients made here are
 * closed after each test.
 */
public abstract class SdkTestBase {

    @InjectService(timeout = 15000, filter = "(port=0)")
    protected Transport transport;

    @InjectService(timeout = 15000)
    protected AgentRegistry registry;

    private final List<AutoCloseable> closeAfter = new ArrayList<>();

    /** A client with a fresh identity for the gateway under test. */
    protected GatewayClient.Builder clientBuilder() {
        return GatewayClient.builder(AgentKeys.generate()).gateway(transport.address());
    }

    /** Builds {@code builder}'s client and closes it after the test. */
    protected GatewayClient client(GatewayClient.Builder builder) {
        return closeLater(builder.build());
    }

    protected <T extends AutoCloseable> T closeLater(T closeable) {
        closeAfter.add(closeable);
        return closeable;
    }

    /** The environment an {@code ioap} command sees: this gateway. */
    protected Map<String, String> env() {
        return Map.of("IOAP_GATEWAY", transport.address().toString());
    }

    @AfterEach
    void closeClients() throws Exception {
        // last made, first closed: clients before the relays they connect through
        for (int i = closeAfter.size() - 1; i >= 0; i--) {
            closeAfter.get(i).close();
        }
        closeAfter.clear();
    }
}
