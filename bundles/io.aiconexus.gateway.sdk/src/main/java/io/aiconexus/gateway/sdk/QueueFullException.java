package io.aiconexus.gateway.sdk;

/**
 * A frame was sent while the client is disconnected and its queue already holds
 * {@link GatewayClient.Builder#queueCapacity(int)} frames: this frame was not queued.
 */
public class QueueFullException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public QueueFullException(String message) {
        super(message);
    }
}
