package io.aiconexus.gateway.discovery.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.discovery.AgentStatistics;
import io.aiconexus.gateway.registry.AgentRegistry;
import io.aiconexus.gateway.registry.RegisteredAgent;
import io.aiconexus.gateway.transport.HttpEndpoint;
import io.aiconexus.gateway.transport.HttpRequest;
import io.aiconexus.gateway.transport.HttpResponse;
import io.aiconexus.gateway.transport.Transport;

/**
 * {@code GET /agents/{did}}: an agent's public description, in the spirit of an A2A agent card,
 * so that tools outside IoAP can browse the network.
 */
@Component(property = HttpEndpoint.PATH + "=/agents/*")
public class AgentCardEndpoint implements HttpEndpoint {
    private final AgentRegistry registry;
    private final AgentStatistics statistics;
    private final BundleContext context;

    @Activate
    public AgentCardEndpoint(@Reference AgentRegistry registry, @Reference AgentStatistics statistics,
            BundleContext context) {
        this.registry = registry;
        this.statistics = statistics;
        this.context = context;
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        String did = URLDecoder.decode(request.path().substring("/agents/".length()), StandardCharsets.UTF_8);
        RegisteredAgent agent = registry.byDid(did).orElse(null);
        if (agent == null) {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("error", "not_found");
            body.put("message", "no agent " + did + " is connected");
            body.put("did", did);
            return HttpResponse.json(404, body.toString());
        }
        ObjectNode card = JsonNodeFactory.instance.objectNode();
        card.put("did", agent.did());
        card.put("name", agent.metadata().path("name").asText(agent.did()));
        if (agent.metadata().hasNonNull("description")) {
            card.put("description", agent.metadata().get("description").asText());
        }
        card.put("status", "online");
        card.put("protocol", "ioap.v1");
        // looked up, not referenced: the transport collects HTTP endpoints such as this one, and SCR
        // cannot bind a reference back to it while that cycle is being activated
        ServiceReference<Transport> reference = context.getServiceReference(Transport.class);
        Transport transport = reference == null ? null : context.getService(reference);
        if (transport != null) {
            card.put("url", transport.address().toString());
            context.ungetService(reference);
        }
        card.setAll(AgentJson.of(agent, statistics.of(agent.did())));
        card.remove("remote_address");
        card.remove("queued_frames");
        return HttpResponse.json(200, card.toString());
    }
}
