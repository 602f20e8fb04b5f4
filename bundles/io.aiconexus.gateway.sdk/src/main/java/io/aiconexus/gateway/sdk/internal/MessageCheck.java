package io.aiconexus.gateway.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.protocol.ProtocolException;

/**
 * Checks a message against the envelope and payload schemas before it is ever signed, with the
 * gateway's own codec, so that a bad payload fails where it was built, naming the field, instead
 * of coming back later as a MALFORMED_MESSAGE from the gateway.
 */
public final class MessageCheck {
    /** Converts user values to JSON; shared, thread-safe once configured. */
    public static final ObjectMapper JSON = new ObjectMapper();

    /** {@code from} and {@code signature} of the trial envelope: the codec checks they are present, not what they say. */
    private static final String PLACEHOLDER = "placeholder";

    private MessageCheck() {
    }

    /** {@code value} as JSON: a JsonNode is copied, anything else converted by Jackson. */
    public static JsonNode toJson(Object value) {
        if (value instanceof JsonNode node) {
            return node.deepCopy();
        }
        try {
            return JSON.valueToTree(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot convert " + value.getClass().getName() + " to JSON: "
                    + e.getMessage(), e);
        }
    }

    /**
     * @throws IllegalArgumentException naming the field, when the envelope built from these parts
     *         would break the IoAP v1 schema
     */
    public static void check(MessageType type, String to, String id, String correlationId, ObjectNode payload) {
        ObjectNode trial = Frames.CODEC.newEnvelope(type, PLACEHOLDER, to, correlationId, payload.deepCopy());
        trial.put("id", id);
        trial.put("signature", PLACEHOLDER);
        try {
            Frames.CODEC.wrap(trial);
        } catch (ProtocolException e) {
            Object field = e.details().get("field");
            throw new IllegalArgumentException("invalid " + type + ": " + e.getMessage()
                    + (field == null ? "" : " (field " + field + ")"), e);
        }
    }
}
