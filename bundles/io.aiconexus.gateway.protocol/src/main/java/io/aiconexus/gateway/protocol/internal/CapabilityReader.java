package io.aiconexus.gateway.protocol.internal;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.protocol.ProtocolException;
import io.aiconexus.gateway.protocol.payload.Capability;

/** Reads {@code payload.capabilities} of a REGISTER: a list of objects with at least a {@code name}. */
final class CapabilityReader {
    private static final String FIELD = "payload.capabilities";

    private CapabilityReader() {
    }

    static List<Capability> read(ObjectNode payload) throws ProtocolException {
        JsonNode list = payload.get("capabilities");
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw ProtocolException.malformed(FIELD, FIELD + " must be a list");
        }
        List<Capability> capabilities = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String prefix = FIELD + "[" + i + "]";
            if (!entry.isObject()) {
                throw ProtocolException.malformed(prefix, prefix + " must be a JSON object");
            }
            capabilities.add(readOne((ObjectNode) entry, prefix + "."));
        }
        return capabilities;
    }

    private static Capability readOne(ObjectNode entry, String prefix) throws ProtocolException {
        String name = Fields.requiredString(entry, prefix, "name");
        if (name.isEmpty()) {
            throw ProtocolException.malformed(prefix + "name", prefix + "name must not be empty");
        }
        return new Capability(name,
                Fields.optionalString(entry, prefix, "description"),
                Fields.optionalString(entry, prefix, "version"),
                entry.get("input_schema"),
                entry.get("output_schema"),
                entry.get("price"),
                tags(entry, prefix));
    }

    private static List<String> tags(ObjectNode entry, String prefix) throws ProtocolException {
        JsonNode tags = entry.get("tags");
        if (tags == null || tags.isNull()) {
            return List.of();
        }
        if (!tags.isArray()) {
            throw ProtocolException.malformed(prefix + "tags", prefix + "tags must be a list of strings");
        }
        List<String> names = new ArrayList<>(tags.size());
        for (int i = 0; i < tags.size(); i++) {
            if (!tags.get(i).isTextual()) {
                String field = prefix + "tags[" + i + "]";
                throw ProtocolException.malformed(field, field + " must be a string");
            }
            names.add(tags.get(i).textValue());
        }
        return names;
    }
}
