package io.aiconexus.gateway.fault.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.osgi.test.common.annotation.Property;
import org.osgi.test.common.annotation.config.WithConfiguration;

import io.aiconexus.gateway.fault.itests.support.FaultTestBase;
import io.aiconexus.gateway.fault.itests.support.RawAgent;
import io.aiconexus.gateway.fault.itests.support.RawWebSocket;
import io.aiconexus.gateway.testsupport.TestAgent;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.router.RouterStatus;

/**
 * PROTOCOL.md section 11: REGISTER must arrive within the register timeout of the upgrade, and the
 * timeout applies only before REGISTER. gateway-tests shows a JDK client that never registers
 * being closed; here a raw socket that sends nothing at all is closed and frees its slot, and a
 * registered agent that stays silent past the timeout is kept.
 */
class RegisterTimeoutTest extends FaultTestBase {
    private static final String ROUTER_PID = "io.aiconexus.gateway.router";

    @Test
    @WithConfiguration(pid = ROUTER_PID, properties = @Property(key = "registerTimeoutSeconds", value = "1",
            scalar = Property.Scalar.Integer))
    void aSocketThatNeverSpeaksIsClosedAndARegisteredOneMayStaySilent() throws Exception {
        awaitService(RouterStatus.class, "(registerTimeoutSeconds=1)");
        try (RawWebSocket mute = RawWebSocket.connect(transport.address(), "127.0.0.1");
                RawAgent quiet = RawAgent.registered(kit()); TestAgent alice = TestAgent.registered(kit())) {
            assertEquals(101, mute.status());

            assertEquals(1008, mute.awaitClose(TestAgent.WAIT), "no REGISTER within 1 s: policy violation");

            // Three register timeouts of silence after REGISTER: the registered agent is kept.
            Thread.sleep(Duration.ofSeconds(3).toMillis());
            assertTrue(registry.byDid(quiet.did()).isPresent(), "the timeout applies only before REGISTER");
            String id = alice.send(MessageType.OFFER, quiet.did(), alice.payload().put("sdp", "v=0"));
            assertEquals(id, TestAgent.json(quiet.socket().readText(TestAgent.WAIT)).get("id").asText());
        }
    }
}
