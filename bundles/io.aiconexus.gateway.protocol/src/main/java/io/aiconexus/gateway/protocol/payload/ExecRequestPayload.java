package io.aiconexus.gateway.protocol.payload;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * EXEC_REQUEST: run a capability.
 *
 * @param capability {@code capability}, or null when addressed to one agent directly
 * @param args       {@code args}, or null
 * @param timeoutMs  {@code timeout_ms}, positive, or null
 * @param stream     {@code stream}, false when absent
 */
public record ExecRequestPayload(String capability, ObjectNode args, Long timeoutMs, boolean stream) {
}
