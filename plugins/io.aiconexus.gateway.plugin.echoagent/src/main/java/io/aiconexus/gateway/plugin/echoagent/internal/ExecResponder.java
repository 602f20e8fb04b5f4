package io.aiconexus.gateway.plugin.echoagent.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.protocol.Envelope;

/**
 * Turns an EXEC_REQUEST into the payload of its EXEC_RESPONSE. The capability is
 * {@code payload.capability} (how the gateway's capability routing names it, PROTOCOL.md
 * section 10), else {@code payload.args.capability} (for a request sent straight to this agent
 * by a client that, like the seed's SDK, only fills {@code args}).
 */
final class ExecResponder {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final EchoCapabilities capabilities;

    ExecResponder(EchoCapabilities capabilities) {
        this.capabilities = capabilities;
    }

    /** {@code {status, result, execution_time_ms}} for {@code request}. */
    ObjectNode respond(Envelope request) {
        long started = System.nanoTime();
        ObjectNode payload = request.payload();
        JsonNode argsNode = payload.get("args");
        ObjectNode args = argsNode instanceof ObjectNode object ? object : JSON.objectNode();
        EchoCapabilities.Outcome outcome = capabilities.execute(capability(payload, args), args);
        ObjectNode response = JSON.objectNode();
        response.put("status", outcome.status());
        response.set("result", outcome.result());
        response.put("execution_time_ms", (System.nanoTime() - started) / 1_000_000d);
        return response;
    }

    static String capability(ObjectNode payload, ObjectNode args) {
        JsonNode named = payload.get("capability");
        if (named == null || !named.isTextual()) {
            named = args.get("capability");
        }
        return named != null && named.isTextual() ? named.asText() : null;
    }
}
