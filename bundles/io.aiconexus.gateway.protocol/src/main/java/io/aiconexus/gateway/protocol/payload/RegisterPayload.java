package io.aiconexus.gateway.protocol.payload;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * REGISTER: who the agent is and what it offers (PROTOCOL.md section 5). A second REGISTER
 * replaces capabilities and metadata, so an absent list means "no capabilities".
 *
 * @param publicKey    {@code public_key}: base58btc of the 32-byte Ed25519 key, or null
 * @param capabilities {@code capabilities}, never null
 * @param metadata     {@code metadata}, or null
 */
public record RegisterPayload(String publicKey, List<Capability> capabilities, ObjectNode metadata) {

    public RegisterPayload {
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    }
}
