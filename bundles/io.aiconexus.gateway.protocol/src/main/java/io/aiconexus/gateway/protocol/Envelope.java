package io.aiconexus.gateway.protocol;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One parsed IoAP v1 frame. The header fields are read once at parse time; {@link #tree()} is the
 * whole object with unknown fields kept (they are covered by the signature), and {@link #text()} is
 * the frame exactly as received, so relaying it forwards every field unchanged.
 *
 * <p>Do not modify {@link #tree()}: it is shared by everyone who handles the frame.
 */
public final class Envelope {
    /** The gateway's DID alias accepted in {@code to} (PROTOCOL.md section 3). */
    public static final String GATEWAY_ALIAS = "did:key:gateway";

    private final ObjectNode tree;
    private final String text;
    private final String id;
    private final String correlationId;
    private final Instant timestamp;
    private final String from;
    private final String to;
    private final MessageType type;
    private final String signature;

    public Envelope(ObjectNode tree, String text, String id, String correlationId, Instant timestamp,
            String from, String to, MessageType type, String signature) {
        this.tree = Objects.requireNonNull(tree, "tree");
        this.text = Objects.requireNonNull(text, "text");
        this.id = id;
        this.correlationId = correlationId;
        this.timestamp = timestamp;
        this.from = from;
        this.to = to;
        this.type = type;
        this.signature = signature;
    }

    public ObjectNode tree() {
        return tree;
    }

    /** The frame as received (or as written, for envelopes built here). */
    public String text() {
        return text;
    }

    public String id() {
        return id;
    }

    /** {@code correlation_id}, or {@code null} when absent or JSON null. */
    public String correlationId() {
        return correlationId;
    }

    /** The timestamp, read as UTC when it carries no zone. */
    public Instant timestamp() {
        return timestamp;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    public MessageType type() {
        return type;
    }

    public String signature() {
        return signature;
    }

    /** {@code payload}, never null for a parsed envelope. */
    public ObjectNode payload() {
        return (ObjectNode) tree.get("payload");
    }

    @Override
    public String toString() {
        return type + " " + id + " " + from + " -> " + to;
    }
}
