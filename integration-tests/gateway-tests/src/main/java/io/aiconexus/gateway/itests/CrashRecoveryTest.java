package io.aiconexus.gateway.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.testsupport.GatewayProcess;
import io.aiconexus.gateway.testsupport.GatewayTestBase;
import io.aiconexus.gateway.testsupport.TestAgent;
import io.aiconexus.gateway.testsupport.Toolkit;
import io.aiconexus.gateway.protocol.MessageType;

/**
 * Issue 7: the runtime jar is killed with SIGKILL a second after frames were mailboxed for an
 * absent agent; restarted on the same data directory, it delivers every one of them when the
 * agent returns, and keeps its DID.
 */
class CrashRecoveryTest extends GatewayTestBase {

    @InjectBundleContext
    BundleContext context;

    @Test
    void sigtermClosesAgentsWith1001AndStopsTheProcess() throws Exception {
        Path data = Files.createTempDirectory("aiconexus-sigterm-");
        GatewayProcess gateway = GatewayProcess.start(context.getProperty(GatewayProcess.JAR_PROPERTY), data);
        Toolkit kit = new Toolkit(codec, signer, canonicalizer, identities, gateway.webSocket());
        try (TestAgent agent = TestAgent.registered(kit)) {
            long start = System.nanoTime();
            int exit = gateway.terminate();

            assertEquals(1001, agent.socket().awaitClose(java.time.Duration.ofSeconds(10)));
            // 143 = 128 + SIGTERM: the JVM ran its shutdown hook (the framework stopped) and exited on the signal
            org.junit.jupiter.api.Assertions.assertTrue(exit == 0 || exit == 143, "exit code " + exit);
            System.out.println("CrashRecoveryTest: SIGTERM to process exit took "
                    + java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
        }
    }

    @Test
    void mailboxedFramesAndTheGatewayDidSurviveKillMinusNine() throws Exception {
        String jar = context.getProperty(GatewayProcess.JAR_PROPERTY);
        Path data = Files.createTempDirectory("aiconexus-crash-");
        List<String> sent = new ArrayList<>();
        String gatewayDid;
        var bobIdentity = identities.generate();
        try (GatewayProcess first = GatewayProcess.start(jar, data)) {
            Toolkit kit = new Toolkit(codec, signer, canonicalizer, identities, first.webSocket());
            try (TestAgent alice = TestAgent.registered(kit)) {
                TestAgent bob = TestAgent.connect(kit, bobIdentity, bobIdentity.did());
                gatewayDid = bob.register().get("from").asText();
                bob.socket().abort();
                Thread.sleep(500); // the gateway sees the TCP close and opens the mailbox
                for (int i = 0; i < 3; i++) {
                    sent.add(alice.send(MessageType.OFFER, bob.did(), alice.payload().put("sdp", "before the crash " + i)));
                }
                Thread.sleep(1000);
                first.kill();
            }
        }
        try (GatewayProcess second = GatewayProcess.start(jar, data)) {
            Toolkit kit = new Toolkit(codec, signer, canonicalizer, identities, second.webSocket());
            try (TestAgent bob = TestAgent.connect(kit, bobIdentity, bobIdentity.did())) {
                ObjectNode ack = bob.register();
                assertEquals(gatewayDid, ack.get("from").asText(), "the gateway's DID survives the restart");
                List<String> received = new ArrayList<>();
                for (int i = 0; i < sent.size(); i++) {
                    received.add(bob.next().get("id").asText());
                }
                assertEquals(sent, received, "every mailboxed frame, in order");
            }
        }
    }
}
