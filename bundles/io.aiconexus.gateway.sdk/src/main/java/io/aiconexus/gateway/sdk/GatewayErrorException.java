package io.aiconexus.gateway.sdk;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.protocol.Envelope;

/**
 * An ERROR frame answered a request: {@link #code()} (e.g. {@code UNKNOWN_AGENT}, {@code TIMEOUT}),
 * the sender's {@link #errorMessage()} and {@link #details()}. Futures of
 * {@link GatewayClient#request} fail with it.
 */
public class GatewayErrorException extends GatewayException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final String errorMessage;
    private final transient ObjectNode details;
    private final transient Envelope envelope;

    public GatewayErrorException(Envelope envelope) {
        this("", envelope);
    }

    protected GatewayErrorException(String prefix, Envelope envelope) {
        super(prefix + text(envelope, "code") + ": " + text(envelope, "message"));
        this.envelope = envelope;
        this.code = text(envelope, "code");
        this.errorMessage = text(envelope, "message");
        this.details = envelope.payload().get("details") instanceof ObjectNode object ? object : null;
    }

    /** {@code payload.code}. */
    public String code() {
        return code;
    }

    /** {@code payload.message}, the sentence for people. */
    public String errorMessage() {
        return errorMessage;
    }

    /** {@code payload.details}, or {@code null}; do not modify. */
    public ObjectNode details() {
        return details;
    }

    /** The ERROR frame itself. */
    public Envelope envelope() {
        return envelope;
    }

    private static String text(Envelope envelope, String field) {
        var node = envelope.payload().get(field);
        return node == null || node.isNull() ? "" : node.asText();
    }
}
