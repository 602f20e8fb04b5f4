package io.aiconexus.gateway.protocol.payload;

/**
 * PING: a keep-alive; the PONG echoes the sequence.
 *
 * @param sequence {@code sequence}, or null
 */
public record PingPayload(Long sequence) {
}
