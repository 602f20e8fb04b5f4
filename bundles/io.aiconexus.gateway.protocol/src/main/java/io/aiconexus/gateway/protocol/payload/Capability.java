package io.aiconexus.gateway.protocol.payload;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of a REGISTER's {@code capabilities}: a named thing the agent can do, the name being
 * what discovery and capability routing match on.
 *
 * @param name         {@code name}, never null or empty
 * @param description  {@code description}, or null
 * @param version      {@code version}, or null
 * @param inputSchema  {@code input_schema} (any JSON), or null
 * @param outputSchema {@code output_schema} (any JSON), or null
 * @param price        {@code price} (any JSON), or null
 * @param tags         {@code tags}, never null
 */
public record Capability(String name, String description, String version, JsonNode inputSchema,
        JsonNode outputSchema, JsonNode price, List<String> tags) {

    public Capability {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
