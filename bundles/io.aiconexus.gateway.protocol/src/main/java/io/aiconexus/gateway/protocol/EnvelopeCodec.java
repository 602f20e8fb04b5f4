package io.aiconexus.gateway.protocol;

import org.osgi.annotation.versioning.ProviderType;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Parses and writes IoAP v1 envelopes. Parsing enforces {@link JsonLimits}, the envelope schema
 * and the per-type payload schema; a violation is a {@link ProtocolException} naming the field.
 */
@ProviderType
public interface EnvelopeCodec {

    /** The limits this codec parses with. */
    JsonLimits limits();

    /**
     * Parses and validates one text frame.
     *
     * @throws ProtocolException {@code PAYLOAD_TOO_LARGE} over the frame limit,
     *         {@code MALFORMED_MESSAGE} (with {@code details.field}) for bad JSON or schema,
     *         {@code UNSUPPORTED_VERSION} for another major version
     */
    Envelope parse(String text) throws ProtocolException;

    /**
     * Reads only as much of a frame as can be trusted to answer it: the {@code id} and
     * {@code from} of a frame that failed {@link #parse}, or nulls. Never throws.
     */
    FrameHints hints(String text);

    /** Reads the typed payload of {@code envelope}; the envelope was validated by {@link #parse}. */
    <T> T payload(Envelope envelope, Class<T> payloadType) throws ProtocolException;

    /** A new envelope tree with a fresh id and the current UTC timestamp, unsigned. */
    ObjectNode newEnvelope(MessageType type, String from, String to, String correlationId, ObjectNode payload);

    /** A new empty object node for building payloads. */
    ObjectNode objectNode();

    /** Compact JSON text of a tree. */
    String write(ObjectNode tree);

    /** Wraps a complete envelope tree built here (e.g. just signed) as an {@link Envelope}. */
    Envelope wrap(ObjectNode tree) throws ProtocolException;

    /** What could be read of a frame that failed to parse. */
    record FrameHints(String id, String from) {
    }
}
