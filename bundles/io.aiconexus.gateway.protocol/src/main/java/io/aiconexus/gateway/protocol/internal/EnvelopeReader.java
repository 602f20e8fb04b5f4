package io.aiconexus.gateway.protocol.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.ErrorCode;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.protocol.ProtocolException;

/**
 * The envelope schema of PROTOCOL.md section 2, checked on a parsed tree. The version is checked
 * first: a frame of another major version is answered UNSUPPORTED_VERSION whatever else it holds.
 */
final class EnvelopeReader {
    static final String DEFAULT_VERSION = "1.0";
    private static final int MAX_ID_LENGTH = 128;
    private static final Map<String, MessageType> TYPES = new HashMap<>();

    static {
        for (MessageType type : MessageType.values()) {
            TYPES.put(type.name(), type);
        }
    }

    private EnvelopeReader() {
    }

    /**
     * The envelope of {@code tree}, received as {@code text}. With {@code nullToForErrors} an ERROR
     * may have {@code "to": null}: the gateway answers so a frame whose sender it could not read.
     */
    static Envelope read(ObjectNode tree, String text, boolean nullToForErrors) throws ProtocolException {
        checkVersion(tree.get("version"));
        String id = Fields.requiredString(tree, "", "id");
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH && id.codePointCount(0, id.length()) > MAX_ID_LENGTH) {
            throw ProtocolException.malformed("id", "id must have 1 to " + MAX_ID_LENGTH + " characters");
        }
        Instant timestamp = Timestamps.parse(Fields.requiredString(tree, "", "timestamp"));
        if (timestamp == null) {
            throw ProtocolException.malformed("timestamp", "timestamp must be an ISO-8601 date-time");
        }
        String from = Fields.requiredString(tree, "", "from");
        MessageType type = TYPES.get(Fields.requiredString(tree, "", "type"));
        if (type == null) {
            throw ProtocolException.malformed("type", "type must be one of the IoAP v1 message types");
        }
        JsonNode toNode = tree.get("to");
        String to = nullToForErrors && type == MessageType.ERROR && toNode != null && toNode.isNull()
                ? null : Fields.requiredString(tree, "", "to");
        ObjectNode payload = Fields.requiredObject(tree, "", "payload");
        String signature = Fields.requiredString(tree, "", "signature");
        String correlationId = Fields.optionalString(tree, "", "correlation_id");
        PayloadReaders.read(type, payload);
        return new Envelope(tree, text, id, correlationId, timestamp, from, to, type, signature);
    }

    private static void checkVersion(JsonNode version) throws ProtocolException {
        if (version == null) {
            return; // absent means DEFAULT_VERSION, and stays absent so the signature still holds
        }
        String text = version.isTextual() ? version.textValue() : "";
        int dot = text.indexOf('.');
        if (dot < 1 || dot > 9 || text.length() - dot - 1 < 1 || text.length() - dot - 1 > 9
                || !digits(text, 0, dot) || !digits(text, dot + 1, text.length())) {
            throw ProtocolException.malformed("version", "version must be a string \"MAJOR.MINOR\"");
        }
        if (Integer.parseInt(text, 0, dot, 10) != 1) {
            throw new ProtocolException(ErrorCode.UNSUPPORTED_VERSION,
                    "IoAP version " + text + " is not supported; this gateway speaks " + DEFAULT_VERSION,
                    Map.of("field", "version"));
        }
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
