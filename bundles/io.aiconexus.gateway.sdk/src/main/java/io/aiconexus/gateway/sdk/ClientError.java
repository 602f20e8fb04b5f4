package io.aiconexus.gateway.sdk;

import io.aiconexus.gateway.protocol.Envelope;

/**
 * Something that went wrong, as told to the {@link ErrorHandler}.
 *
 * @param kind     what happened
 * @param message  a sentence for people
 * @param envelope the frame concerned when it could be parsed, else {@code null}
 * @param frame    the text received, for frames refused before or after parsing, else {@code null}
 * @param cause    the exception behind it, else {@code null}
 */
public record ClientError(Kind kind, String message, Envelope envelope, String frame, Throwable cause) {

    /** The kinds of trouble a client reports. */
    public enum Kind {
        /** A received frame's signature does not hold for the DID in its {@code from}: it was not delivered. */
        INVALID_SIGNATURE,
        /** A received frame is not a valid IoAP v1 envelope: it was not delivered. */
        MALFORMED_FRAME,
        /** A frame with the same {@code from} and {@code id} arrived before: the copy was not delivered. */
        DUPLICATE_FRAME,
        /** An ERROR frame (from the gateway or an agent) that answers no pending request. It is also delivered to the handlers. */
        GATEWAY_ERROR,
        /** A {@link MessageHandler} or {@link StateListener} threw. */
        HANDLER_FAILED,
        /** The connection was lost or could not be opened; the state says whether the client reconnects. */
        DISCONNECTED,
        /** The gateway refused the registration, or a reconnection attempt's registration. */
        REGISTRATION_REFUSED,
        /** Frames queued while disconnected were dropped (the client closed or failed before it could send them). */
        FRAMES_DROPPED
    }

    public ClientError {
        if (kind == null || message == null) {
            throw new IllegalArgumentException("a client error has a kind and a message");
        }
    }

    /** {@code payload.code} of the ERROR frame this error is about, or {@code null}. */
    public String errorCode() {
        if (envelope == null || envelope.type() != io.aiconexus.gateway.protocol.MessageType.ERROR) {
            return null;
        }
        var code = envelope.payload().get("code");
        return code == null ? null : code.asText();
    }

    @Override
    public String toString() {
        return kind + ": " + message;
    }
}
