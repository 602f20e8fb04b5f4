package io.aiconexus.gateway.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.testsupport.GatewayTestBase;
import io.aiconexus.gateway.testsupport.TestAgent;
import io.aiconexus.gateway.protocol.MessageType;

/** Issue 8 / PROTOCOL.md section 10: discovery over the WebSocket and HTTP, and agent cards. */
class DiscoveryTest extends GatewayTestBase {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String family = "t" + UUID.randomUUID().toString().substring(0, 8) + ".";
    private final List<TestAgent> agents = new ArrayList<>();

    @AfterEach
    void leave() {
        agents.forEach(TestAgent::close);
    }

    @Test
    void discoverOverTheWebSocketExactlyByPrefixAndWithNoMatch() throws Exception {
        TestAgent translator = advertise(family + "translate", "nlp");
        advertise(family + "summarize", "nlp");
        advertise("other.render", "image");
        TestAgent asker = join(TestAgent.registered(kit()));

        ObjectNode exact = discover(asker, family + "translate", false, 0, null);
        assertEquals("ok", exact.at("/payload/status").asText());
        assertEquals(1, exact.at("/payload/params/agents").size());
        assertEquals(translator.did(), exact.at("/payload/params/agents/0/did").asText());
        assertEquals(family + "translate", exact.at("/payload/params/agents/0/capabilities/0/name").asText());
        assertTrue(exact.at("/payload/params/next").isNull(), "next is present and null on the last page");

        ObjectNode prefix = discover(asker, family, true, 0, null);
        assertEquals(2, prefix.at("/payload/params/agents").size());

        ObjectNode none = discover(asker, family + "nothing", false, 0, null);
        assertEquals("ok", none.at("/payload/status").asText());
        assertEquals(0, none.at("/payload/params/agents").size());
    }

    @Test
    void discoveryPagesWithAnOpaqueCursor() throws Exception {
        Set<String> advertised = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            advertised.add(advertise(family + "page", null).did());
        }
        TestAgent asker = join(TestAgent.registered(kit()));

        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            ObjectNode answer = discover(asker, family + "page", false, 2, cursor);
            answer.at("/payload/params/agents").forEach(agent -> assertTrue(seen.add(agent.get("did").asText())));
            cursor = answer.at("/payload/params/next").isNull() ? null : answer.at("/payload/params/next").asText();
            pages++;
        } while (cursor != null);

        assertEquals(advertised, seen);
        assertEquals(3, pages);
    }

    @Test
    void httpAgentsPagesAndFiltersByTag() throws Exception {
        advertise(family + "a", "blue");
        advertise(family + "b", "blue");
        advertise(family + "c", "red");

        JsonNode firstPage = get("/agents?capability=" + family + "&prefix=true&limit=2");
        assertEquals(2, firstPage.get("count").asInt());
        JsonNode secondPage = get("/agents?capability=" + family + "&prefix=true&limit=2&cursor="
                + firstPage.get("next").asText());
        assertEquals(1, secondPage.get("count").asInt());
        assertTrue(secondPage.get("next").isNull());

        assertEquals(2, get("/agents?tag=blue&capability=" + family + "&prefix=true").get("count").asInt());
        assertEquals(400, status("/agents?limit=zero"));
    }

    @Test
    void everyAgentHasAPublicCard() throws Exception {
        TestAgent agent = advertise(family + "card", "demo");

        JsonNode card = get("/agents/" + URLEncoder.encode(agent.did(), StandardCharsets.UTF_8));

        assertEquals(agent.did(), card.get("did").asText());
        assertEquals("online", card.get("status").asText());
        assertEquals("ioap.v1", card.get("protocol").asText());
        assertEquals(transport.address().toString(), card.get("url").asText());
        assertEquals(family + "card", card.at("/capabilities/0/name").asText());
        assertEquals(0, card.at("/stats/requests").asInt());
        assertEquals(404, status("/agents/" + URLEncoder.encode(identities.generate().did(), StandardCharsets.UTF_8)));
    }

    private ObjectNode discover(TestAgent asker, String capability, boolean prefix, int limit, String cursor)
            throws Exception {
        ObjectNode payload = asker.payload().put("task", "gateway.discover");
        ObjectNode params = payload.putObject("params").put("capability", capability);
        if (prefix) {
            params.put("prefix", true);
        }
        if (limit > 0) {
            params.put("limit", limit);
        }
        if (cursor != null) {
            params.put("cursor", cursor);
        }
        String id = asker.send(MessageType.INTENT, "did:key:gateway", payload);
        ObjectNode answer = asker.next();
        assertEquals("INTENT", answer.get("type").asText(), () -> "discovery refused: " + answer);
        assertEquals(id, answer.get("correlation_id").asText());
        return answer;
    }

    private TestAgent advertise(String capability, String tag) throws Exception {
        TestAgent agent = join(TestAgent.connect(kit()));
        ObjectNode payload = agent.payload();
        ObjectNode entry = payload.putArray("capabilities").addObject().put("name", capability).put("version", "1.0");
        if (tag != null) {
            entry.putArray("tags").add(tag);
        }
        agent.register(payload);
        return agent;
    }

    private TestAgent join(TestAgent agent) {
        agents.add(agent);
        return agent;
    }

    private JsonNode get(String pathAndQuery) throws Exception {
        HttpResponse<String> response = HTTP.send(request(pathAndQuery), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response::body);
        return JSON.readTree(response.body());
    }

    private int status(String pathAndQuery) throws Exception {
        return HTTP.send(request(pathAndQuery), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpRequest request(String pathAndQuery) {
        URI base = transport.httpAddress();
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET().build();
    }
}
