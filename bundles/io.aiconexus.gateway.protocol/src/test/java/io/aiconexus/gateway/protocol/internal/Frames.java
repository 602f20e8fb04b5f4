package io.aiconexus.gateway.protocol.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.protocol.ErrorCode;
import io.aiconexus.gateway.protocol.ProtocolException;

/** Frames as agents send them, and the assertion every rejection test makes. */
final class Frames {
    static final ObjectMapper JSON = new ObjectMapper();

    private Frames() {
    }

    /** A valid frame of {@code type} with {@code payload} (JSON text). */
    static String frame(String type, String payload) {
        return "{\"id\":\"m-1\",\"timestamp\":\"2026-01-12T10:00:00Z\",\"from\":\"did:key:z6MkAlice\","
                + "\"to\":\"did:key:z6MkBob\",\"type\":\"" + type + "\",\"payload\":" + payload
                + ",\"version\":\"1.0\",\"signature\":\"c2lnbmF0dXJl\"}";
    }

    static String offer() {
        return frame("OFFER", "{\"sdp\":\"v=0\"}");
    }

    /** The OFFER frame with {@code field} set to {@code json}, or removed when {@code json} is null. */
    static String offerWith(String field, String json) {
        try {
            ObjectNode tree = (ObjectNode) JSON.readTree(offer());
            if (json == null) {
                tree.remove(field);
            } else {
                tree.set(field, JSON.readTree(json));
            }
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Runs {@code parse}, expects {@code code} naming {@code field}, and returns the exception. */
    static ProtocolException rejects(ErrorCode code, String field, Executable parse) {
        ProtocolException e = assertThrows(ProtocolException.class, parse);
        assertEquals(code, e.code(), e::getMessage);
        if (field != null) {
            assertEquals(field, e.details().get("field"), e::getMessage);
        }
        return e;
    }

    static ProtocolException malformed(String field, Executable parse) {
        return rejects(ErrorCode.MALFORMED_MESSAGE, field, parse);
    }
}
