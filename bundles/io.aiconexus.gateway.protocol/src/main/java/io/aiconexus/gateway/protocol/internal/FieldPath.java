package io.aiconexus.gateway.protocol.internal;

import java.util.ArrayDeque;

import com.fasterxml.jackson.core.JsonStreamContext;

/**
 * Names a place in a frame the way {@code details.field} of a MALFORMED_MESSAGE does:
 * {@code payload.capabilities[0].name}, or {@code $} for the frame as a whole.
 */
final class FieldPath {
    /** The whole frame: bad JSON, nesting too deep, not an object. */
    static final String FRAME = "$";

    private FieldPath() {
    }

    /** The field a parser is in; a context just opened (no name or index yet) counts as its parent. */
    static String of(JsonStreamContext context) {
        // Each part carries its own separator: a member name may be empty or start with '[' (found by fuzzing:
        // an empty name made the old join fail with StringIndexOutOfBoundsException, i.e. INTERNAL_ERROR).
        ArrayDeque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            } else if (c.inArray() && c.getCurrentIndex() >= 0) {
                parts.push("[" + c.getCurrentIndex() + "]");
            }
        }
        if (parts.isEmpty()) {
            return FRAME;
        }
        String path = String.join("", parts);
        return path.charAt(0) == '.' ? path.substring(1) : path;
    }
}
