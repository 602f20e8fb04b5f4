package io.aiconexus.gateway.sdk;

/**
 * Where a {@link GatewayClient} is in its life. The usual path is
 * {@code NEW → CONNECTING → CONNECTED → REGISTERED}; a lost connection goes
 * {@code REGISTERED → RECONNECTING → CONNECTING → CONNECTED → REGISTERED}; {@link GatewayClient#close()}
 * ends in {@link #CLOSED}. {@link #CLOSED} and {@link #FAILED} are final.
 */
public enum ClientState {
    /** Built, {@link GatewayClient#connect()} not called yet. Frames sent now are queued. */
    NEW,
    /** Opening the WebSocket. */
    CONNECTING,
    /** The WebSocket is open and REGISTER was sent; waiting for the gateway's acknowledgement. */
    CONNECTED,
    /** Registered: frames go out at once, queued frames have been flushed. */
    REGISTERED,
    /** The connection was lost; waiting for the next attempt of the {@link ReconnectPolicy}. Frames sent now are queued. */
    RECONNECTING,
    /** Closed by {@link GatewayClient#close()}. */
    CLOSED,
    /**
     * Given up: the first connection failed, the gateway refused the registration, another connection
     * took the DID over, or the reconnection attempts ran out. The error handler was told why.
     */
    FAILED;

    /** Whether the client can no longer be used. */
    public boolean isFinal() {
        return this == CLOSED || this == FAILED;
    }
}
