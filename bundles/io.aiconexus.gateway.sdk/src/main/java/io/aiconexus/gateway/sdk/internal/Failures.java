package io.aiconexus.gateway.sdk.internal;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import io.aiconexus.gateway.protocol.Envelope;

/** Says what went wrong in words a user can act on: refused connections, refused upgrades, ERROR frames. */
final class Failures {

    private Failures() {
    }

    static String errorCode(Envelope error) {
        return error.payload().path("code").asText();
    }

    static String errorText(Envelope error) {
        return errorCode(error) + " " + error.payload().path("message").asText();
    }

    static String describe(Throwable error) {
        Throwable root = error;
        while ((root instanceof CompletionException || root instanceof ExecutionException)
                && root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof ConnectException) {
            return "connection refused (is the gateway running?)";
        }
        if (root instanceof WebSocketHandshakeException handshake) {
            return "the WebSocket upgrade was refused (HTTP " + handshake.getResponse().statusCode() + ")";
        }
        if (root instanceof HttpConnectTimeoutException) {
            return "connection timed out";
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
