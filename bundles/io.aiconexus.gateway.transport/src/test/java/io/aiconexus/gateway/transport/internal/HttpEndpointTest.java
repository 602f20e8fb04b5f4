package io.aiconexus.gateway.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.aiconexus.gateway.transport.HttpEndpoint;
import io.aiconexus.gateway.transport.HttpRequest;

/** PROTOCOL.md section 9: HTTP on the WebSocket port, JSON everywhere, even for what is not there. */
class HttpEndpointTest extends TransportFixture {

    @Test
    void getReachesTheEndpointOfThePathWithDecodedQuery() throws Exception {
        JettyTransport transport = start();
        AtomicReference<HttpRequest> seen = new AtomicReference<>();
        register(transport, "/agents", 0, 1, request -> {
            seen.set(request);
            return io.aiconexus.gateway.transport.HttpResponse.json(200, "{\"agents\":[],\"count\":0}");
        });

        HttpResponse<String> response = get(transport, "/agents?capability=caf%C3%A9&x=1&x=2&note=a+b&flag");

        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("{\"agents\":[],\"count\":0}", response.body());
        HttpRequest request = seen.get();
        assertEquals("GET", request.method());
        assertEquals("/agents", request.path());
        assertEquals("café", request.parameter("capability"));
        assertEquals(List.of("1", "2"), request.query().get("x"));
        assertEquals("a b", request.parameter("note"));
        assertEquals("", request.parameter("flag"));
        assertEquals(List.of("capability", "x", "note", "flag"), List.copyOf(request.query().keySet()));
        assertTrue(request.remoteAddress().startsWith("127.0.0.1:"), request.remoteAddress());
    }

    @Test
    void headAnswersLikeGetWithoutTheBody() throws Exception {
        JettyTransport transport = start();
        register(transport, "/health", 0, 1, request -> healthy());

        HttpResponse<String> response = HttpCalls.call(uri(transport, "/health"), "HEAD");

        assertEquals(200, response.statusCode());
        assertEquals(String.valueOf(healthy().body().length()),
                response.headers().firstValue("Content-Length").orElse(""));
        assertEquals("", response.body());
    }

    @Test
    void prefixPathServesEverythingBelowItAndExactPathsWin() throws Exception {
        JettyTransport transport = start();
        register(transport, "/api/*", 0, 1, request -> json("{\"served\":\"prefix " + request.path() + "\"}"));
        register(transport, "/api/status", 0, 2, request -> json("{\"served\":\"exact\"}"));

        assertEquals("{\"served\":\"prefix /api/agents/42\"}", get(transport, "/api/agents/42").body());
        assertEquals("{\"served\":\"prefix /api\"}", get(transport, "/api").body());
        assertEquals("{\"served\":\"exact\"}", get(transport, "/api/status").body());
        assertEquals(404, get(transport, "/apix").statusCode());
    }

    @Test
    void higherRankedEndpointServesASharedPathUntilItLeaves() throws Exception {
        JettyTransport transport = start();
        HttpEndpoint low = request -> json("{\"who\":\"low\"}");
        HttpEndpoint high = request -> json("{\"who\":\"high\"}");
        register(transport, "/health", 0, 1, low);
        register(transport, "/health", 10, 2, high);

        assertEquals("{\"who\":\"high\"}", get(transport, "/health").body());
        transport.removeEndpoint(high);
        assertEquals("{\"who\":\"low\"}", get(transport, "/health").body());
    }

    @Test
    void unknownPathIs404Json() throws Exception {
        JettyTransport transport = start();

        HttpResponse<String> response = get(transport, "/x");

        assertEquals(404, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("{\"error\":\"not_found\",\"message\":\"no endpoint at /x\",\"path\":\"/x\"}", response.body());
    }

    @Test
    void otherMethodsAre405JsonNamingTheAllowedOnes() throws Exception {
        JettyTransport transport = start();
        register(transport, "/health", 0, 1, request -> healthy());

        HttpResponse<String> response = HttpCalls.call(uri(transport, "/health"), "POST");

        assertEquals(405, response.statusCode());
        assertEquals("GET, HEAD", response.headers().firstValue("Allow").orElse(""));
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().startsWith("{\"error\":\"method_not_allowed\""), response.body());
    }

    @Test
    void failingEndpointIs500JsonAndOthersCarryOn() throws Exception {
        JettyTransport transport = start();
        register(transport, "/broken", 0, 1, request -> {
            throw new IllegalStateException("boom");
        });
        register(transport, "/health", 0, 2, request -> healthy());

        HttpResponse<String> broken = get(transport, "/broken");

        assertEquals(500, broken.statusCode());
        assertEquals("application/json", broken.headers().firstValue("Content-Type").orElse(""));
        assertTrue(broken.body().startsWith("{\"error\":\"internal_error\""), broken.body());
        assertEquals(200, get(transport, "/health").statusCode());
    }

    @Test
    void malformedQueryIs400Json() throws Exception {
        JettyTransport transport = start();
        register(transport, "/agents", 0, 1, request -> healthy());

        RawHttp.Answer answer = RawHttp.get(transport.httpAddress(), "/agents?capability=%zz");

        assertEquals(400, answer.status());
        assertEquals("application/json", answer.header("Content-Type"));
        assertTrue(answer.body().startsWith("{\"error\":\"bad_query\""), answer.body());
    }

    @Test
    void endpointWithoutPathIsIgnored() throws Exception {
        JettyTransport transport = start();
        transport.addEndpoint(request -> healthy(), Map.of());

        assertEquals(404, get(transport, "/").statusCode());
    }

    private static void register(JettyTransport transport, String path, int ranking, long serviceId,
            HttpEndpoint endpoint) {
        transport.addEndpoint(endpoint, Map.of(HttpEndpoint.PATH, path, "service.ranking", ranking,
                "service.id", serviceId));
    }

    private static io.aiconexus.gateway.transport.HttpResponse healthy() {
        return json("{\"status\":\"healthy\",\"connected_agents\":0}");
    }

    private static io.aiconexus.gateway.transport.HttpResponse json(String body) {
        return io.aiconexus.gateway.transport.HttpResponse.json(200, body);
    }

    private static HttpResponse<String> get(JettyTransport transport, String pathAndQuery) throws Exception {
        return HttpCalls.get(uri(transport, pathAndQuery));
    }

    private static URI uri(JettyTransport transport, String pathAndQuery) {
        return URI.create(transport.httpAddress() + pathAndQuery);
    }
}
