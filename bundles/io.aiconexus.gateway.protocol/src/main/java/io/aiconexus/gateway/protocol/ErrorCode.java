package io.aiconexus.gateway.protocol;

/** Error codes carried in {@code payload.code} of an ERROR frame (PROTOCOL.md section 7). */
public enum ErrorCode {
    INVALID_SIGNATURE,
    UNKNOWN_AGENT,
    CONNECTION_REFUSED,
    TIMEOUT,
    MALFORMED_MESSAGE,
    UNSUPPORTED_VERSION,
    INTERNAL_ERROR,
    RATE_LIMITED,
    PAYLOAD_TOO_LARGE,
    FORBIDDEN,
    OVERLOADED
}
