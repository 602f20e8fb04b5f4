package io.aiconexus.gateway.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.annotation.Property;
import org.osgi.test.common.annotation.config.WithConfiguration;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.testsupport.GatewayTestBase;
import io.aiconexus.gateway.testsupport.TestAgent;
import io.aiconexus.gateway.mailbox.Mailboxes;
import io.aiconexus.gateway.protocol.MessageType;


/**
 * PROTOCOL.md section 11: an agent that drops without UNREGISTER leaves /agents at once, but
 * frames sent to it wait in its mailbox and arrive, in order, when it registers again; at the
 * end of the grace period each sender hears TIMEOUT.
 */
class MailboxTest extends GatewayTestBase {

    @InjectService(timeout = 15000)
    Mailboxes mailboxes;

    @InjectBundleContext
    BundleContext context;

    @Test
    void framesForADroppedAgentArriveInOrderWhenItComesBack() throws Exception {
        try (TestAgent alice = TestAgent.registered(kit())) {
            TestAgent bob = TestAgent.registered(kit());
            bob.socket().abort();
            awaitMailbox(bob.did());
            assertTrue(registry.byDid(bob.did()).isEmpty(), "a dropped agent leaves /agents at once");

            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                sent.add(alice.send(MessageType.OFFER, bob.did(), alice.payload().put("sdp", "kept " + i)));
            }
            assertEquals(null, alice.pollText(Duration.ofMillis(300)), "no error: the frames are kept");

            try (TestAgent back = TestAgent.connect(kit(), bob.identity(), bob.did())) {
                back.register();
                for (int i = 0; i < 5; i++) {
                    ObjectNode frame = back.next();
                    assertEquals(sent.get(i), frame.get("id").asText(), "kept frames first, in order");
                }
                String after = alice.send(MessageType.OFFER, bob.did(), alice.payload().put("sdp", "live"));
                assertEquals(after, back.next().get("id").asText());
            }
        }
    }

    @Test
    @WithConfiguration(pid = "io.aiconexus.gateway.mailbox", properties = @Property(key = "graceSeconds", value = "1", scalar = Property.Scalar.Integer))
    void sendersHearTimeoutWhenTheAgentDoesNotComeBack() throws Exception {
        awaitGrace(1);
        try (TestAgent alice = TestAgent.registered(kit())) {
            TestAgent bob = TestAgent.registered(kit());
            bob.socket().abort();
            awaitMailbox(bob.did());
            String first = alice.send(MessageType.OFFER, bob.did(), alice.payload().put("sdp", "one"));
            String second = alice.send(MessageType.ANSWER, bob.did(), alice.payload().put("sdp", "two"));

            List<String> timedOut = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                ObjectNode error = TestAgent.json(alice.socket().next(Duration.ofSeconds(30)));
                assertEquals("TIMEOUT", error.at("/payload/code").asText(), () -> "expected TIMEOUT, got " + error);
                assertEquals(bob.did(), error.at("/payload/details/to").asText());
                timedOut.add(error.get("correlation_id").asText());
            }
            assertEquals(List.of(first, second), timedOut, "one TIMEOUT per kept frame, correlated to it");
        }
    }

    /** Configuration reaches the component asynchronously: wait until the service shows it. */
    private void awaitGrace(int seconds) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (context.getServiceReferences(Mailboxes.class, "(graceSeconds=" + seconds + ")").isEmpty()
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(1, context.getServiceReferences(Mailboxes.class, "(graceSeconds=" + seconds + ")").size());
    }

    private void awaitMailbox(String did) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!mailboxes.isOpen(did) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(mailboxes.isOpen(did), "a mailbox opens when an agent drops");
    }
}
