package io.aiconexus.gateway.sdk;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.sdk.internal.MessageCheck;

/**
 * One frame to send, before it is signed: type, recipient, optional correlation and the payload.
 * {@link GatewayClient} adds {@code from}, the timestamp, {@code version} and the signature when it
 * sends. The {@link #id()} is chosen when the message is built and kept on the wire, also when the
 * frame waits in the queue of a disconnected client, so a receiver can tell a copy from a new frame.
 * Build a new message for every frame: the gateway refuses an id it has seen from you as
 * {@code replayed}.
 *
 * <p>Most messages come from {@link Messages}; {@link #builder} makes any other. The payload is
 * checked against the type's schema when the message is built: a missing {@code sdp}, say, is an
 * {@link IllegalArgumentException} naming the field. Immutable.
 */
public final class Message {
    private final String id;
    private final MessageType type;
    private final String to;
    private final String correlationId;
    private final ObjectNode payload;

    private Message(Builder builder) {
        this.id = builder.id;
        this.type = builder.type;
        this.to = builder.to;
        this.correlationId = builder.correlationId;
        this.payload = builder.payload.deepCopy();
    }

    /** A builder for a message of {@code type} to {@code to} (an agent's DID, or {@code did:key:gateway}). */
    public static Builder builder(MessageType type, String to) {
        return new Builder(type, to);
    }

    /** {@code id} of the frame: a UUID unless the builder was given one. */
    public String id() {
        return id;
    }

    public MessageType type() {
        return type;
    }

    /** {@code to}: the recipient DID. */
    public String to() {
        return to;
    }

    /** {@code correlation_id}, or {@code null}. */
    public String correlationId() {
        return correlationId;
    }

    /** A copy of the payload. */
    public ObjectNode payload() {
        return payload.deepCopy();
    }

    @Override
    public String toString() {
        return type + " " + id + " -> " + to;
    }

    /** Builds a {@link Message}; not thread-safe. */
    public static final class Builder {
        private final MessageType type;
        private final String to;
        private String id = UUID.randomUUID().toString();
        private String correlationId;
        private ObjectNode payload = MessageCheck.JSON.createObjectNode();

        private Builder(MessageType type, String to) {
            this.type = Objects.requireNonNull(type, "type");
            if (to == null || to.isBlank()) {
                throw new IllegalArgumentException("a " + type + " needs a recipient DID in 'to'");
            }
            this.to = to;
        }

        /** Uses {@code id} instead of a random UUID (1 to 128 characters). */
        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /** {@code correlation_id}: the id of the frame this one answers. */
        public Builder correlationId(String correlationId) {
            this.correlationId = correlationId;
            return this;
        }

        /** Replaces the whole payload with a copy of {@code payload}. */
        public Builder payload(ObjectNode payload) {
            this.payload = Objects.requireNonNull(payload, "payload").deepCopy();
            return this;
        }

        /**
         * Replaces the whole payload with the JSON object {@code json}.
         *
         * @throws IllegalArgumentException when {@code json} is not a JSON object
         */
        public Builder payloadJson(String json) {
            JsonNode parsed;
            try {
                parsed = MessageCheck.JSON.readTree(Objects.requireNonNull(json, "json"));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("the payload is not valid JSON: " + e.getOriginalMessage(), e);
            }
            if (!(parsed instanceof ObjectNode object)) {
                throw new IllegalArgumentException("the payload must be a JSON object, not "
                        + (parsed == null ? "nothing" : parsed.getNodeType().toString().toLowerCase()));
            }
            this.payload = object;
            return this;
        }

        /**
         * Sets payload field {@code name} to {@code value}: a String, Number, Boolean, {@code null},
         * a Jackson {@link JsonNode}, or a Map, List, array or record, converted to JSON.
         */
        public Builder put(String name, Object value) {
            Objects.requireNonNull(name, "name");
            payload.set(name, MessageCheck.toJson(value));
            return this;
        }

        /** Removes payload field {@code name}. */
        public Builder remove(String name) {
            payload.remove(name);
            return this;
        }

        /**
         * The message, its payload checked against the schema of its type.
         *
         * @throws IllegalArgumentException naming the field that breaks the schema
         */
        public Message build() {
            MessageCheck.check(type, to, id, correlationId, payload);
            return new Message(this);
        }
    }
}
