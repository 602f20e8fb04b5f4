package io.aiconexus.gateway.sdk;

import org.osgi.annotation.versioning.ConsumerType;

import io.aiconexus.gateway.protocol.Envelope;

/**
 * Receives verified frames. Handlers of one client are called one at a time, in the order the
 * frames arrived (for one frame: the handlers of its type, then the catch-all ones, each in the order
 * they were added), on the client's dispatch thread: a handler may block (even on
 * {@link GatewayClient#request}), but while it does, later frames wait. A handler that throws is
 * reported to the {@link ErrorHandler} as {@link ClientError.Kind#HANDLER_FAILED}; the next frames
 * are still delivered.
 */
@ConsumerType
@FunctionalInterface
public interface MessageHandler {

    /**
     * @param message a frame whose signature holds for the DID in its {@code from}
     * @param client  the client that received it, for replies
     */
    void onMessage(Envelope message, GatewayClient client) throws Exception;
}
