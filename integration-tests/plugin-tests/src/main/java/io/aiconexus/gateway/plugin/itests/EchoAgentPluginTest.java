package io.aiconexus.gateway.plugin.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.plugin.itests.support.Configs;
import io.aiconexus.gateway.plugin.itests.support.Eventually;
import io.aiconexus.gateway.plugin.itests.support.Http;
import io.aiconexus.gateway.plugin.itests.support.PluginTestBase;
import io.aiconexus.gateway.plugin.itests.support.Plugins;
import io.aiconexus.gateway.plugin.itests.support.Services;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.testsupport.TestAgent;

/**
 * The echo agent: a bundle that is an agent. Dropped into the deploy folder it connects over its
 * own WebSocket, registers, and answers EXEC_REQUEST frames sent by real clients.
 */
class EchoAgentPluginTest extends PluginTestBase {
    private static final Duration REGISTERED = Duration.ofSeconds(20);
    private static final String VERIFICATION = "io.aiconexus.gateway.verification";

    @Test
    void itRegistersWithItsOwnDidAndCapabilitiesAndAnswersEchoAndTime() throws Exception {
        deploy.drop(Plugins.jar(context, Plugins.ECHO_AGENT));
        JsonNode listed = awaitListed(null);
        String did = identities.load(keyFile()).did();
        assertEquals(did, listed.get("did").asText(), "the DID is the one of the key file in the data directory");
        List<String> capabilities = new ArrayList<>();
        listed.get("capabilities").forEach(capability -> capabilities.add(capability.get("name").asText()));
        assertEquals(List.of("echo", "time"), capabilities);
        assertEquals("in-process", listed.at("/metadata/kind").asText());
        assertEquals(1, Http.getJson(agents("time")).get("count").asInt(), "listed under its other capability too");

        try (TestAgent client = TestAgent.registered(kit())) {
            ObjectNode echo = client.payload().put("capability", "echo");
            echo.putObject("args").put("message", "hello").put("n", 3).putArray("list").add(true);
            String echoId = client.send(MessageType.EXEC_REQUEST, did, echo);
            ObjectNode response = response(client, echoId, did);
            assertEquals("success", response.at("/payload/status").asText());
            assertEquals(echo.get("args"), response.at("/payload/result"), "echo returns args unchanged");
            assertTrue(response.at("/payload/execution_time_ms").isNumber());

            Instant before = Instant.now().minusSeconds(1);
            ObjectNode seedStyle = client.payload();
            seedStyle.putObject("args").put("capability", "time").put("zone", "Europe/Paris");
            String timeId = client.send(MessageType.EXEC_REQUEST, did, seedStyle);
            ObjectNode time = response(client, timeId, did);
            Instant after = Instant.now().plusSeconds(1);
            assertEquals("success", time.at("/payload/status").asText());
            assertEquals("Europe/Paris", time.at("/payload/result/zone").asText());
            Instant told = OffsetDateTime.parse(time.at("/payload/result/time").asText()).toInstant();
            assertTrue(!told.isBefore(before) && !told.isAfter(after), () -> "the time told is now: " + told);
            assertEquals(told.toEpochMilli(), time.at("/payload/result/epoch_ms").asLong());

            String unknownId = client.send(MessageType.EXEC_REQUEST, did, client.payload().put("capability", "translate"));
            ObjectNode unknown = response(client, unknownId, did);
            assertEquals("error", unknown.at("/payload/status").asText());
            assertEquals("unknown capability 'translate'", unknown.at("/payload/result/error").asText());
        }
    }

    @Test
    void capabilityRoutingThroughTheGatewayReachesIt() throws Exception {
        deploy.drop(Plugins.jar(context, Plugins.ECHO_AGENT));
        String did = awaitListed(null).get("did").asText();
        try (TestAgent client = TestAgent.registered(kit())) {
            ObjectNode request = client.payload().put("capability", "echo").put("timeout_ms", 5000);
            request.putObject("args").put("via", "gateway");
            String id = client.send(MessageType.EXEC_REQUEST, "did:key:gateway", request);
            ObjectNode response = response(client, id, did);
            assertEquals("{\"via\":\"gateway\"}", response.at("/payload/result").toString());
        }
    }

    @Test
    void aRequestWhoseSignatureDoesNotHoldIsRefusedByTheAgentItself() throws Exception {
        deploy.drop(Plugins.jar(context, Plugins.ECHO_AGENT));
        String did = awaitListed(null).get("did").asText();
        // in audit mode the gateway passes a bad signature on: the agent must check for itself
        String audit = Configs.set(configAdmin, VERIFICATION, Map.of("mode", "audit"));
        try (TestAgent client = TestAgent.registered(kit())) {
            Services.await(context, verifier("audit", audit));
            ObjectNode echo = client.payload().put("capability", "echo");
            echo.putObject("args").put("message", "forged");
            String id = client.sendTampered(MessageType.EXEC_REQUEST, did, echo);
            ObjectNode error = client.next();
            assertEquals("ERROR", error.get("type").asText(), error::toString);
            assertEquals(did, error.get("from").asText(), "the agent answers, not the gateway");
            assertEquals(id, error.get("correlation_id").asText());
            assertEquals("INVALID_SIGNATURE", error.at("/payload/code").asText());
            assertTrue(verifier.verify(codec.parse(error.toString())).valid(), "the refusal is signed by the agent");
        } finally {
            Services.await(context, verifier("enforce", Configs.set(configAdmin, VERIFICATION, Map.of("mode", "enforce"))));
            Configs.delete(configAdmin, VERIFICATION);
        }
    }

    @Test
    void anUpdateKeepsItsDidAndRemovingTheBundleUnregistersItAtOnce() throws Exception {
        deploy.drop(Plugins.jar(context, Plugins.ECHO_AGENT));
        JsonNode first = awaitListed(null);
        String did = first.get("did").asText();

        deploy.replace(Plugins.jar(context, Plugins.ECHO_AGENT), Plugins.ECHO_AGENT + ".jar");
        JsonNode second = awaitListed(first.get("connected_at").asText());
        assertEquals(did, second.get("did").asText(), "the key file survives the update, and so does the DID");
        assertNotEquals(first.get("connected_at").asText(), second.get("connected_at").asText());

        deploy.remove(Plugins.ECHO_AGENT + ".jar");
        assertFalse(registry.byDid(did).isPresent(), "UNREGISTER removes the agent before the bundle is gone");
        assertEquals(0, Http.getJson(agents("echo")).get("count").asInt());
    }

    /** The one agent listed under capability echo in /agents, once it is there (and connected after {@code notSince}). */
    private JsonNode awaitListed(String notSince) throws Exception {
        return Eventually.await("the echo agent in /agents?capability=echo", REGISTERED, () -> {
            JsonNode page = Http.getJson(agents("echo"));
            if (page.get("count").asInt() != 1) {
                return null;
            }
            JsonNode agent = page.get("agents").get(0);
            return agent.get("connected_at").asText().equals(notSince) ? null : agent;
        });
    }

    private URI agents(String capability) {
        return URI.create(transport.httpAddress() + "/agents?capability=" + capability);
    }

    private Path keyFile() {
        return Paths.get(context.getProperty("aiconexus.data"), "agents", "echo-agent.json");
    }

    /** The next frame: an EXEC_RESPONSE from {@code did} answering {@code id}, signed by it. */
    private ObjectNode response(TestAgent client, String id, String did) throws Exception {
        String text = client.nextText();
        ObjectNode frame = TestAgent.json(text);
        assertEquals("EXEC_RESPONSE", frame.get("type").asText(), frame::toString);
        assertEquals(did, frame.get("from").asText());
        assertEquals(client.did(), frame.get("to").asText());
        assertEquals(id, frame.get("correlation_id").asText());
        assertTrue(verifier.verify(codec.parse(text)).valid(), "signed by the echo agent's key");
        return frame;
    }

    private static String verifier(String mode, String generation) {
        return "(&(objectClass=io.aiconexus.gateway.verification.FrameVerifier)(mode=" + mode + ")"
                + Configs.generation(generation) + ")";
    }
}
