package io.aiconexus.gateway.protocol.payload;

/** UNREGISTER: the agent leaves; any payload object is accepted and nothing in it is read. */
public record UnregisterPayload() {
}
