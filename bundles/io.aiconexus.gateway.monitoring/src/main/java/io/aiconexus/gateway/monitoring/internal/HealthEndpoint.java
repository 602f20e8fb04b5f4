package io.aiconexus.gateway.monitoring.internal;

import java.time.Instant;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.registry.AgentRegistry;
import io.aiconexus.gateway.transport.HttpEndpoint;
import io.aiconexus.gateway.transport.HttpRequest;
import io.aiconexus.gateway.transport.HttpResponse;

/** {@code GET /health}: the seed's answer, {@code {"status":"healthy","connected_agents":N,"timestamp":...}}. */
@Component(property = HttpEndpoint.PATH + "=/health")
public class HealthEndpoint implements HttpEndpoint {
    private final AgentRegistry registry;

    @Activate
    public HealthEndpoint(@Reference AgentRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("status", "healthy");
        body.put("connected_agents", registry.size());
        body.put("timestamp", Instant.now().toString());
        return HttpResponse.json(200, body.toString());
    }
}
