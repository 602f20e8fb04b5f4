package io.aiconexus.gateway.sdk.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.test.common.annotation.InjectService;

import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.identity.EnvelopeSigner;
import io.aiconexus.gateway.identity.Identities;
import io.aiconexus.gateway.protocol.EnvelopeCodec;
import io.aiconexus.gateway.sdk.AgentKeys;
import io.aiconexus.gateway.sdk.ClientState;
import io.aiconexus.gateway.sdk.GatewayClient;
import io.aiconexus.gateway.sdk.RegistrationRefusedException;
import io.aiconexus.gateway.sdk.itests.support.CliRun;
import io.aiconexus.gateway.sdk.itests.support.RefusingGateway;

/** A refused registration: the SDK reports the gateway's code and message, the command line exits 4. */
class RegistrationRefusedTest {

    @InjectService(timeout = 15000)
    EnvelopeCodec codec;

    @InjectService(timeout = 15000)
    EnvelopeSigner signer;

    @InjectService(timeout = 15000)
    Identities identities;

    @TempDir
    java.nio.file.Path home;

    @Test
    void connectFailsWithTheGatewaysCodeAndMessage() throws Exception {
        try (RefusingGateway gateway = new RefusingGateway(codec, signer, identities.generate(), "FORBIDDEN",
                "this gateway admits invited agents only")) {
            GatewayClient client = GatewayClient.builder(AgentKeys.generate()).gateway(gateway.address()).build();

            RegistrationRefusedException refused = assertThrows(RegistrationRefusedException.class, client::connect);

            assertEquals("FORBIDDEN", refused.code());
            assertEquals("this gateway admits invited agents only", refused.errorMessage());
            assertEquals("refused_by_test", refused.details().get("reason").asText());
            assertEquals(ClientState.FAILED, client.closed().get(5, TimeUnit.SECONDS), "a refusal is not retried");
        }
    }

    @Test
    void theCommandLineSaysWhoRefusedWhatAndExits4() throws Exception {
        AgentIdentity gatewayIdentity = identities.generate();
        try (RefusingGateway gateway = new RefusingGateway(codec, signer, gatewayIdentity, "FORBIDDEN",
                "this gateway admits invited agents only")) {
            Map<String, String> env = new HashMap<>(Map.of("IOAP_GATEWAY", gateway.address().toString(),
                    "IOAP_KEY", home.resolve("agent.json").toString()));
            CliRun.run(env, "keygen");

            CliRun ping = CliRun.run(env, "ping", "--count", "1");
            CliRun demo = CliRun.run(env, "demo-exchange");

            assertEquals(4, ping.exitCode(), ping::toString);
            assertTrue(ping.err().contains("refused the registration of did:key:")
                    && ping.err().contains("FORBIDDEN this gateway admits invited agents only"), ping::toString);
            assertEquals(4, demo.exitCode(), demo::toString);
            assertTrue(demo.out().contains("[CLIENT 1] Could not connect: ") && demo.out().contains("FORBIDDEN"), demo::toString);
        }
    }
}
