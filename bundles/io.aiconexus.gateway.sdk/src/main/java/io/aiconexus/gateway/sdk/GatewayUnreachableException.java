package io.aiconexus.gateway.sdk;

/**
 * No WebSocket to the gateway could be opened or kept long enough to register: nothing listens at
 * the address, the upgrade was refused, or the gateway did not acknowledge REGISTER in time.
 */
public class GatewayUnreachableException extends GatewayException {
    private static final long serialVersionUID = 1L;

    public GatewayUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
