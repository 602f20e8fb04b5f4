package io.aiconexus.gateway.sdk;

/** A {@link GatewayClient} operation failed; the message says why and what to check. */
public class GatewayException extends Exception {
    private static final long serialVersionUID = 1L;

    public GatewayException(String message) {
        super(message);
    }

    public GatewayException(String message, Throwable cause) {
        super(message, cause);
    }
}
