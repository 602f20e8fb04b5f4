package io.aiconexus.gateway.protocol;

/**
 * Bounds applied while parsing a frame, so hostile JSON costs bounded time and memory.
 *
 * @param maxFrameBytes  largest accepted frame in UTF-8 bytes (PAYLOAD_TOO_LARGE above)
 * @param maxDepth       deepest accepted nesting of objects and arrays
 * @param maxStringLength longest accepted string value or key, in chars
 * @param maxNumberLength longest accepted number literal, in chars
 */
public record JsonLimits(int maxFrameBytes, int maxDepth, int maxStringLength, int maxNumberLength) {

    /** The defaults of PROTOCOL.md: 1 MiB frames, depth and number length 1,000. */
    public static final JsonLimits DEFAULT = new JsonLimits(1 << 20, 1000, 1 << 20, 1000);

    public JsonLimits {
        if (maxFrameBytes <= 0 || maxDepth <= 0 || maxStringLength <= 0 || maxNumberLength <= 0) {
            throw new IllegalArgumentException("JSON limits must be positive");
        }
    }
}
