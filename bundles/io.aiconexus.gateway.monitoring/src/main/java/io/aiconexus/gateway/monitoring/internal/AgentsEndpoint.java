package io.aiconexus.gateway.monitoring.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.registry.AgentRegistry;
import io.aiconexus.gateway.registry.RegisteredAgent;
import io.aiconexus.gateway.transport.HttpEndpoint;
import io.aiconexus.gateway.transport.HttpRequest;
import io.aiconexus.gateway.transport.HttpResponse;

/**
 * {@code GET /agents}: every registered agent, oldest connection first. {@code ?capability=NAME}
 * keeps the agents that advertised NAME ({@code &prefix=true}: names starting with NAME).
 */
@Component(property = HttpEndpoint.PATH + "=/agents")
public class AgentsEndpoint implements HttpEndpoint {
    private static final Comparator<RegisteredAgent> OLDEST_FIRST = Comparator.comparing(RegisteredAgent::connectedAt)
            .thenComparing(RegisteredAgent::did);

    private final AgentRegistry registry;

    @Activate
    public AgentsEndpoint(@Reference AgentRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        String capability = request.parameter("capability");
        Collection<RegisteredAgent> agents = capability == null || capability.isEmpty() ? registry.agents()
                : registry.withCapability(capability, "true".equalsIgnoreCase(request.parameter("prefix")));
        List<RegisteredAgent> ordered = new ArrayList<>(agents);
        ordered.sort(OLDEST_FIRST);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode list = body.putArray("agents");
        ordered.forEach(agent -> list.add(AgentJson.of(agent)));
        body.put("count", ordered.size());
        return HttpResponse.json(200, body.toString());
    }
}
