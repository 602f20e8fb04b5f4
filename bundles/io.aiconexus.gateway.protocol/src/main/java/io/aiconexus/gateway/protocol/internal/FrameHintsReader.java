package io.aiconexus.gateway.protocol.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.aiconexus.gateway.protocol.EnvelopeCodec.FrameHints;

/**
 * Reads the top-level {@code id} and {@code from} of a frame that failed to parse, so the ERROR
 * can carry a {@code correlation_id} and go to the claimed DID. It reads tokens in order and stops
 * at the first fault, so whatever precedes the fault is found; it never reads more than the frame
 * limit of text, and hands back only values that could be valid ({@code id} 1 to 128 characters,
 * {@code from} at most 256).
 */
final class FrameHintsReader {
    private static final FrameHints NONE = new FrameHints(null, null);
    private static final int MAX_ID = 128;
    private static final int MAX_FROM = 256;

    private final JsonFactory factory;
    private final int maxChars;

    FrameHintsReader(JsonFactory factory, int maxChars) {
        this.factory = factory;
        this.maxChars = maxChars;
    }

    FrameHints read(String text) {
        if (text == null || text.isEmpty()) {
            return NONE;
        }
        String bounded = text.length() > maxChars ? text.substring(0, maxChars) : text;
        String id = null;
        String from = null;
        try (JsonParser parser = factory.createParser(bounded)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return NONE;
            }
            while ((id == null || from == null) && parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING && id == null && "id".equals(name)) {
                    id = bounded(parser.getText(), MAX_ID);
                } else if (value == JsonToken.VALUE_STRING && from == null && "from".equals(name)) {
                    from = bounded(parser.getText(), MAX_FROM);
                } else {
                    parser.skipChildren();
                }
            }
        } catch (Exception e) {
            // best effort: a broken frame yields what was read before the break
        }
        return new FrameHints(id, from);
    }

    private static String bounded(String value, int maxLength) {
        return value.isEmpty() || value.length() > maxLength ? null : value;
    }
}
