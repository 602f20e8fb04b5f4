package io.aiconexus.gateway.protocol.payload;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * INTENT: a request in natural language ({@code query}, {@code context}) or structured
 * ({@code task}, {@code params}). A {@code capability} string, when present, is validated but read
 * from the payload itself.
 *
 * @param query   {@code query}, or null
 * @param context {@code context}, or null
 * @param task    {@code task}, or null; names starting with {@code gateway.} are gateway services
 * @param params  {@code params}, or null
 */
public record IntentPayload(String query, String context, String task, ObjectNode params) {
}
