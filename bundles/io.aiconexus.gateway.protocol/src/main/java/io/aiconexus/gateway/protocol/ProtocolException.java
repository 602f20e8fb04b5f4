package io.aiconexus.gateway.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A frame broke the wire contract. Carries the {@link ErrorCode} to answer with and the
 * {@code details} object of that ERROR (for a schema violation, {@code {"field": "payload.sdp"}}).
 */
public class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final Map<String, Object> details;

    public ProtocolException(ErrorCode code, String message, Map<String, Object> details) {
        super(message);
        this.code = code;
        this.details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public ProtocolException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    /** A MALFORMED_MESSAGE naming the offending field, e.g. {@code payload.sdp}. */
    public static ProtocolException malformed(String field, String message) {
        return new ProtocolException(ErrorCode.MALFORMED_MESSAGE, message, Map.of("field", field));
    }

    public ErrorCode code() {
        return code;
    }

    /** The {@code details} object for the ERROR frame; never null. */
    public Map<String, Object> details() {
        return details;
    }
}
