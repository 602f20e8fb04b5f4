package io.aiconexus.gateway.protocol.payload;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * ERROR: what went wrong, for programs ({@code code}, {@code details}) and people ({@code message}).
 *
 * @param code    {@code code}, one of {@link io.aiconexus.gateway.protocol.ErrorCode} when the
 *                gateway sends it; agents may send others
 * @param message {@code message}, never null
 * @param details {@code details}, or null
 */
public record ErrorPayload(String code, String message, ObjectNode details) {
}
