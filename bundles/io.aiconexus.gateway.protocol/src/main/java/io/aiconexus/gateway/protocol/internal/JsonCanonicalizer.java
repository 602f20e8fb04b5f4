package io.aiconexus.gateway.protocol.internal;

import java.util.Objects;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.JsonNode;

import io.aiconexus.gateway.protocol.CanonicalForm;
import io.aiconexus.gateway.protocol.Canonicalizer;

/**
 * Canonical JSON in the two forms a signature may cover: RFC 8785 (JCS) and the Python SDK's
 * {@code json.dumps(obj, sort_keys=True, separators=(",", ":"))}.
 *
 * <p>Numbers are read from the node types {@link JacksonEnvelopeCodec} produces: integer literals
 * are integral nodes, every literal with a fraction or an exponent is a {@code DecimalNode} holding
 * the exact decimal (or a {@code DoubleNode} for a negative zero, which a decimal cannot carry).
 * JCS turns either into a double; the Python form keeps integers exact and prints the rest as
 * {@code repr(float)}, so {@code 1234.0} stays {@code 1234.0} and {@code 1e2} becomes {@code 100.0}.
 *
 * <p>Stateless and thread-safe.
 */
@Component(service = Canonicalizer.class)
public final class JsonCanonicalizer implements Canonicalizer {

    /** The member a signature leaves out of what it signs. */
    static final String SIGNATURE = "signature";

    @Override
    public byte[] canonicalize(JsonNode node, CanonicalForm form) {
        return writer(form).write(Objects.requireNonNull(node, "node"), null);
    }

    @Override
    public byte[] signingInput(JsonNode envelope, CanonicalForm form) {
        Objects.requireNonNull(envelope, "envelope");
        if (!envelope.isObject()) {
            throw new IllegalArgumentException("an envelope is a JSON object, not " + envelope.getNodeType());
        }
        return writer(form).write(envelope, SIGNATURE);
    }

    private static CanonicalWriter writer(CanonicalForm form) {
        return switch (Objects.requireNonNull(form, "form")) {
            case JCS -> new JcsWriter();
            case PYTHON -> new PythonFormWriter();
        };
    }
}
