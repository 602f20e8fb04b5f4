package io.aiconexus.gateway.protocol.internal;

import java.util.Map;

import io.aiconexus.gateway.protocol.ErrorCode;
import io.aiconexus.gateway.protocol.ProtocolException;

/** The frame limit, counted in UTF-8 bytes as the frame travelled, without encoding it again. */
final class FrameSize {

    private FrameSize() {
    }

    static void check(String text, int maxBytes) throws ProtocolException {
        // A char is 1 to 3 UTF-8 bytes: most frames are decided without counting.
        if ((long) text.length() * 3 <= maxBytes) {
            return;
        }
        long size = utf8Length(text);
        if (size > maxBytes) {
            throw new ProtocolException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "frame of " + size + " bytes exceeds the limit of " + maxBytes + " bytes",
                    Map.of("limit", maxBytes, "size", size));
        }
    }

    static long utf8Length(String text) {
        long bytes = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                // 2 bytes below U+0800; 3 for the rest of the BMP; a surrogate pair is 4 (2 + 2)
                bytes += c < 0x800 || Character.isSurrogate(c) ? 1 : 2;
            }
        }
        return bytes;
    }
}
