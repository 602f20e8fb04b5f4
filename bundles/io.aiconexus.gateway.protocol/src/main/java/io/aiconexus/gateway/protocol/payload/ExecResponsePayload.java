package io.aiconexus.gateway.protocol.payload;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * EXEC_RESPONSE: the outcome of an EXEC_REQUEST.
 *
 * @param status          {@code status}, e.g. {@code "success"}, or null
 * @param result          {@code result} (any JSON), or null when absent
 * @param executionTimeMs {@code execution_time_ms}, or null
 */
public record ExecResponsePayload(String status, JsonNode result, Double executionTimeMs) {
}
