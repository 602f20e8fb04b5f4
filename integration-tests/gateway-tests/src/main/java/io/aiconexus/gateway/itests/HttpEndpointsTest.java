package io.aiconexus.gateway.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.testsupport.GatewayTestBase;
import io.aiconexus.gateway.testsupport.TestAgent;
import io.aiconexus.gateway.protocol.MessageType;

/** PROTOCOL.md section 9: /health, /agents (with ?capability=) and JSON 404s, over real HTTP. */
class HttpEndpointsTest extends GatewayTestBase {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void healthCountsConnectedAgents() throws Exception {
        try (TestAgent agent = TestAgent.registered(kit())) {
            HttpResponse<String> response = get("/health");

            assertEquals(200, response.statusCode());
            assertEquals("application/json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            JsonNode health = JSON.readTree(response.body());
            assertEquals("healthy", health.get("status").asText());
            assertEquals(registry.size(), health.get("connected_agents").asInt());
            assertTrue(health.get("connected_agents").asInt() >= 1);
            Instant.parse(health.get("timestamp").asText());
        }
    }

    @Test
    void agentsListsRegisteredAgentsWithTheSeedsFields() throws Exception {
        try (TestAgent agent = TestAgent.registered(kit())) {
            JsonNode body = JSON.readTree(get("/agents").body());

            assertEquals(body.get("agents").size(), body.get("count").asInt());
            JsonNode entry = find(body, agent.did());
            Instant.parse(entry.get("connected_at").asText());
            Instant.parse(entry.get("last_activity").asText());
        }
    }

    @Test
    void agentsFiltersByCapabilityExactlyOrByPrefix() throws Exception {
        List<TestAgent> agents = new ArrayList<>();
        try {
            agents.add(withCapability("text.translate"));
            agents.add(withCapability("text.summarize"));
            agents.add(withCapability("image.render"));

            JsonNode exact = JSON.readTree(get("/agents?capability=text.translate").body());
            assertEquals(1, exact.get("count").asInt());
            assertEquals(agents.get(0).did(), exact.at("/agents/0/did").asText());
            assertEquals("text.translate", exact.at("/agents/0/capabilities/0/name").asText());

            JsonNode prefix = JSON.readTree(get("/agents?capability=text.&prefix=true").body());
            assertEquals(2, prefix.get("count").asInt());

            JsonNode none = JSON.readTree(get("/agents?capability=nothing.here").body());
            assertEquals(0, none.get("count").asInt());
            assertEquals(0, none.get("agents").size());
        } finally {
            agents.forEach(TestAgent::close);
        }
    }

    @Test
    void anUnknownPathIsAJson404() throws Exception {
        HttpResponse<String> response = get("/no/such/thing");

        assertEquals(404, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals("not_found", JSON.readTree(response.body()).get("error").asText());
    }

    @Test
    void metricsCountWhatARegisteredAgentSends() throws Exception {
        try (TestAgent alice = TestAgent.registered(kit()); TestAgent bob = TestAgent.registered(kit())) {
            String before = get("/metrics").body();
            alice.send(MessageType.OFFER, bob.did(), alice.payload().put("sdp", "v=0"));
            bob.nextText();
            // alice's frames are handled in order: once her PING is answered, the OFFER's routing is recorded
            alice.send(MessageType.PING, gateway.did(), alice.payload().put("sequence", 1));
            assertEquals("PONG", alice.next().get("type").asText());

            HttpResponse<String> response = get("/metrics");

            assertEquals(200, response.statusCode());
            assertEquals("text/plain; version=0.0.4; charset=utf-8",
                    response.headers().firstValue("Content-Type").orElse(""));
            String after = response.body();
            assertTrue(after.contains("# TYPE ioap_routing_seconds histogram"), after);
            assertTrue(after.contains("# TYPE ioap_frames_received_total counter"), after);
            assertEquals(sample(before, "ioap_frames_received_total{type=\"OFFER\"}") + 1,
                    sample(after, "ioap_frames_received_total{type=\"OFFER\"}"));
            assertEquals(sample(before, "ioap_frames_sent_total{type=\"OFFER\"}") + 1,
                    sample(after, "ioap_frames_sent_total{type=\"OFFER\"}"));
            assertEquals(sample(before, "ioap_routing_seconds_count") + 1, sample(after, "ioap_routing_seconds_count"));
            assertTrue(sample(after, "ioap_routing_seconds_sum") > sample(before, "ioap_routing_seconds_sum"));
            // the OFFER and the PING were verified
            assertTrue(sample(after, "ioap_verification_seconds_count") >= sample(before, "ioap_verification_seconds_count") + 2);
            assertTrue(sample(after, "ioap_agents_registered") >= 2);
            assertTrue(sample(after, "ioap_connections") >= 2);
            assertTrue(sample(after, "process_cpu_seconds_total") > 0);
            assertTrue(sample(after, "jvm_memory_used_bytes{area=\"heap\"}") > 0);
        }
    }

    /** The value of one series in a Prometheus text scrape, e.g. {@code ioap_errors_total{code="TIMEOUT"}}. */
    private static double sample(String scrape, String series) {
        return scrape.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError(series + " is not in\n" + scrape));
    }

    private TestAgent withCapability(String name) throws Exception {
        TestAgent agent = TestAgent.connect(kit());
        ObjectNode payload = agent.payload();
        payload.putArray("capabilities").addObject().put("name", name).put("description", "does " + name);
        agent.register(payload);
        return agent;
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        URI uri = transport.httpAddress().resolve(pathAndQuery);
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode find(JsonNode agents, String did) {
        for (JsonNode entry : agents.get("agents")) {
            if (entry.get("did").asText().equals(did)) {
                return entry;
            }
        }
        throw new AssertionError(did + " not listed in " + agents);
    }
}
