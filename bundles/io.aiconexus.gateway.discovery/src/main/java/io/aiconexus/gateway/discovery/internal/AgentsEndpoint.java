package io.aiconexus.gateway.discovery.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.discovery.AgentDirectory;
import io.aiconexus.gateway.discovery.AgentPage;
import io.aiconexus.gateway.discovery.AgentQuery;
import io.aiconexus.gateway.discovery.AgentStatistics;
import io.aiconexus.gateway.transport.HttpEndpoint;
import io.aiconexus.gateway.transport.HttpRequest;
import io.aiconexus.gateway.transport.HttpResponse;

/**
 * {@code GET /agents}: registered agents in DID order, all of them as the prototype did, or a
 * page with {@code ?limit=N} (then {@code next} is the cursor of the following page, null on the
 * last). Filters: {@code capability=NAME} (exact, or {@code &prefix=true}), {@code tag=TAG}.
 */
@Component(property = HttpEndpoint.PATH + "=/agents")
public class AgentsEndpoint implements HttpEndpoint {
    static final int MAX_PAGE = 1000;

    private final AgentDirectory directory;
    private final AgentStatistics statistics;

    @Activate
    public AgentsEndpoint(@Reference AgentDirectory directory, @Reference AgentStatistics statistics) {
        this.directory = directory;
        this.statistics = statistics;
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        int limit;
        try {
            String text = request.parameter("limit");
            limit = text == null ? 0 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return badRequest("limit must be a whole number from 1 to " + MAX_PAGE);
        }
        if (limit < 0 || limit > MAX_PAGE) {
            return badRequest("limit must be a whole number from 1 to " + MAX_PAGE);
        }
        AgentPage page;
        try {
            page = directory.find(new AgentQuery(request.parameter("capability"),
                    "true".equalsIgnoreCase(request.parameter("prefix")), request.parameter("tag"), limit,
                    request.parameter("cursor")));
        } catch (IllegalArgumentException e) {
            return badRequest(e.getMessage());
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode list = body.putArray("agents");
        page.agents().forEach(agent -> list.add(AgentJson.of(agent, statistics.of(agent.did()))));
        body.put("count", page.agents().size());
        if (limit > 0) {
            body.put("next", page.next());
        }
        return HttpResponse.json(200, body.toString());
    }

    static HttpResponse badRequest(String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("error", "bad_request");
        body.put("message", message);
        return HttpResponse.json(400, body.toString());
    }
}
