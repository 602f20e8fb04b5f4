package io.aiconexus.gateway.sdk.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;

import io.aiconexus.gateway.protocol.ErrorCode;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.router.RoutingDecision;
import io.aiconexus.gateway.router.RoutingPolicy;
import io.aiconexus.gateway.sdk.itests.support.CliRun;
import io.aiconexus.gateway.sdk.itests.support.SdkTestBase;

/** The prototype's two demos, run as {@code ioap} commands against the real gateway: what they print and return. */
class DemoCommandsTest extends SdkTestBase {

    @InjectBundleContext
    BundleContext context;

    @Test
    void twoClientsConnectRegisterStayAndDisconnectCleanly() {
        CliRun run = CliRun.run(env(), "demo-two-clients", "--seconds", "1");

        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.outLines();
        assertEquals(List.of("=".repeat(60), "LAUNCHING TWO TEST CLIENTS", "=".repeat(60), ""), lines.subList(0, 4));
        String one = did(lines, "[CLIENT 1] DID: ");
        String two = did(lines, "[CLIENT 2] DID: ");
        assertFalse(one.equals(two), "each client has its own identity");
        assertOrder(lines, "[CLIENT 1] Connected to gateway", "[CLIENT 2] Connected to gateway", "[CLIENT 1] Registered",
                "[CLIENT 2] Registered", "", "All clients connected successfully!", "",
                "Keeping both connections open for 1 s...", "[CLIENT 1] Disconnected", "[CLIENT 2] Disconnected", "",
                "Both clients disconnected cleanly.");
        assertTrue(registry.byDid(one).isEmpty() && registry.byDid(two).isEmpty(), "both unregistered at the end");
    }

    @Test
    void theExchangeSucceedsWhenBothSidesGetTheirMessage() {
        CliRun run = CliRun.run(env(), "demo-exchange");

        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.outLines();
        assertEquals(List.of("=".repeat(70), "TWO-CLIENT MESSAGE EXCHANGE TEST", "=".repeat(70), ""), lines.subList(0, 4));
        did(lines, "[CLIENT 1] DID: ");
        did(lines, "[CLIENT 2] DID: ");
        assertOrder(lines, "[CLIENT 1] Connected to gateway", "[CLIENT 2] Connected to gateway", "",
                "[CLIENT 1] Registered with gateway", "[CLIENT 2] Registered with gateway", "",
                "[CLIENT 1] Sending OFFER to CLIENT 2...", "[CLIENT 2] Received OFFER",
                "[CLIENT 2] Sending ANSWER to CLIENT 1...", "[CLIENT 1] Received ANSWER", "", "=".repeat(70),
                "EXCHANGE SUMMARY", "=".repeat(70), "[CLIENT 1] Received 1 message(s)", "[CLIENT 2] Received 1 message(s)",
                "", "Two-way message exchange SUCCESSFUL!");
        assertEquals("Two-way message exchange SUCCESSFUL!", lines.get(lines.size() - 1));
    }

    @Test
    void theExchangeFailsWhenTheAnswerIsRefused() {
        // a routing policy that forbids ANSWER frames: client 2's answer comes back as an ERROR
        Hashtable<String, Object> properties = new Hashtable<>(Map.of(RoutingPolicy.NAME, "no-answers"));
        ServiceRegistration<RoutingPolicy> policy = context.registerService(RoutingPolicy.class,
                request -> request.envelope().type() == MessageType.ANSWER
                        ? RoutingDecision.deny(ErrorCode.FORBIDDEN, "answers are not allowed here")
                        : RoutingDecision.allow(),
                properties);
        try {
            CliRun run = CliRun.run(env(), "demo-exchange", "--timeout", "10");

            assertEquals(1, run.exitCode(), run::toString);
            List<String> lines = run.outLines();
            assertTrue(lines.contains("[CLIENT 2] Received OFFER"), run::toString);
            assertFalse(lines.contains("[CLIENT 1] Received ANSWER"), run::toString);
            assertTrue(lines.contains("[CLIENT 1] Received 0 message(s)"), run::toString);
            String last = lines.get(lines.size() - 1);
            assertTrue(last.startsWith("Two-way message exchange FAILED: CLIENT 2: ") && last.contains("FORBIDDEN")
                    && last.contains("answers are not allowed here"), last);
            assertFalse(run.out().contains("SUCCESSFUL"), run::toString);
        } finally {
            policy.unregister();
        }
    }

    @Test
    void aGatewayThatIsNotThereIsReportedWithExitCode3() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CliRun run = CliRun.run(Map.of("IOAP_GATEWAY", "ws://127.0.0.1:" + closedPort + "/ws"), "demo-exchange");

        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().contains("gateway not reachable") && run.err().contains("connection refused"), run::toString);
        assertFalse(run.out().contains("SUCCESSFUL"));
    }

    private static String did(List<String> lines, String prefix) {
        String line = lines.stream().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line '" + prefix + "...' in " + lines));
        String did = line.substring(prefix.length());
        assertTrue(did.startsWith("did:key:z6Mk"), line);
        return did;
    }

    /** {@code expected} appear in {@code lines} in this order, one after the other. */
    private static void assertOrder(List<String> lines, String... expected) {
        int from = lines.indexOf(expected[0]);
        assertTrue(from >= 0, () -> "missing '" + expected[0] + "' in\n" + String.join("\n", lines));
        assertEquals(List.of(expected), lines.subList(from, Math.min(lines.size(), from + expected.length)),
                () -> String.join("\n", lines));
    }
}
