package io.aiconexus.gateway.sdk.internal;

import java.net.URI;
import java.time.Duration;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.sdk.ReconnectPolicy;

/**
 * What {@link io.aiconexus.gateway.sdk.GatewayClient.Builder} collected.
 *
 * @param registerPayload capabilities and metadata for REGISTER, without {@code public_key}
 * @param gatewayDid      the only gateway DID to accept, or {@code null} for any
 */
public record ClientConfig(AgentIdentity identity, URI gateway, ObjectNode registerPayload, ReconnectPolicy reconnect,
        int queueCapacity, Duration connectTimeout, Duration requestTimeout, Duration keepAlive, String gatewayDid) {
}
