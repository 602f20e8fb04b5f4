package io.aiconexus.gateway.protocol.payload;

/**
 * PONG: the answer to a PING.
 *
 * @param sequence {@code sequence} of the PING answered, or null
 */
public record PongPayload(Long sequence) {
}
