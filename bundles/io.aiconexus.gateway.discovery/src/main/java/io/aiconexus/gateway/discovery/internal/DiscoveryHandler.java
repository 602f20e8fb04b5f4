package io.aiconexus.gateway.discovery.internal;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.discovery.AgentDirectory;
import io.aiconexus.gateway.discovery.AgentPage;
import io.aiconexus.gateway.discovery.AgentQuery;
import io.aiconexus.gateway.discovery.AgentStatistics;
import io.aiconexus.gateway.protocol.ErrorCode;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.router.MessageContext;
import io.aiconexus.gateway.router.MessageHandler;

/**
 * Discovery over the WebSocket (PROTOCOL.md section 10): an INTENT to the gateway with
 * {@code task = gateway.discover} is answered with an INTENT listing the matching agents.
 */
@Component(property = { MessageHandler.TARGET + "=" + MessageHandler.TARGET_GATEWAY, MessageHandler.TYPES + "=INTENT",
        MessageHandler.NAME + "=discovery", "service.ranking:Integer=20" })
public class DiscoveryHandler implements MessageHandler {
    static final String TASK = "gateway.discover";
    static final int DEFAULT_PAGE = 50;

    private final AgentDirectory directory;
    private final AgentStatistics statistics;

    @Activate
    public DiscoveryHandler(@Reference AgentDirectory directory, @Reference AgentStatistics statistics) {
        this.directory = directory;
        this.statistics = statistics;
    }

    @Override
    public boolean handle(MessageContext context) {
        ObjectNode payload = context.envelope().payload();
        if (!TASK.equals(payload.path("task").asText(null))) {
            return false;
        }
        JsonNode params = payload.path("params");
        JsonNode capability = params.path("capability");
        if (!capability.isTextual() || capability.asText().isEmpty()) {
            context.replyError(ErrorCode.MALFORMED_MESSAGE, "gateway.discover needs params.capability (a name)",
                    Map.of("field", "payload.params.capability"));
            return true;
        }
        int limit = params.path("limit").asInt(DEFAULT_PAGE);
        if (limit < 1 || limit > AgentsEndpoint.MAX_PAGE) {
            context.replyError(ErrorCode.MALFORMED_MESSAGE, "params.limit must be 1 to " + AgentsEndpoint.MAX_PAGE,
                    Map.of("field", "payload.params.limit"));
            return true;
        }
        AgentPage page;
        try {
            page = directory.find(new AgentQuery(capability.asText(), params.path("prefix").asBoolean(false),
                    params.path("tag").asText(null), limit, params.path("cursor").asText(null)));
        } catch (IllegalArgumentException e) {
            context.replyError(ErrorCode.MALFORMED_MESSAGE, e.getMessage(), Map.of("field", "payload.params.cursor"));
            return true;
        }
        ObjectNode answer = context.newObject();
        answer.put("task", TASK);
        answer.put("status", "ok");
        ObjectNode result = answer.putObject("params");
        ArrayNode agents = result.putArray("agents");
        page.agents().forEach(agent -> agents.add(AgentJson.of(agent, statistics.of(agent.did()))));
        result.put("next", page.next());
        context.reply(MessageType.INTENT, answer);
        return true;
    }
}
