package io.aiconexus.gateway.protocol.internal;

import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.EnvelopeCodec;
import io.aiconexus.gateway.protocol.JsonLimits;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.protocol.ProtocolException;

/**
 * The IoAP v1 codec on Jackson's streaming parser. One {@link JsonFactory} is built per set of
 * limits and shared by all frames; parsing uses no reflection. Trees keep number literals exact
 * (see {@link JsonTreeReader}) so {@link JsonCanonicalizer} can compute both canonical forms.
 *
 * <p>As a component it is configured under {@value #PID} ({@link ProtocolLimitsConfiguration});
 * a new configuration replaces the instance. Thread-safe.
 */
@Component(service = EnvelopeCodec.class, configurationPid = JacksonEnvelopeCodec.PID)
@Designate(ocd = ProtocolLimitsConfiguration.class)
public final class JacksonEnvelopeCodec implements EnvelopeCodec {
    /** The configuration PID of the limits. */
    public static final String PID = "io.aiconexus.gateway.protocol";

    private final JsonLimits limits;
    private final Clock clock;
    private final JsonNodeFactory nodes = JsonNodeFactory.withExactBigDecimals(true);
    private final JsonTreeReader treeReader;
    private final FrameHintsReader hintsReader;
    private final ObjectWriter writer;

    /** A codec outside OSGi (tests, tools, clients), parsing with {@code limits}. */
    public JacksonEnvelopeCodec(JsonLimits limits) {
        this(limits, Clock.systemUTC());
    }

    /** The component, parsing with the limits the operator configured. */
    @Activate
    public JacksonEnvelopeCodec(ProtocolLimitsConfiguration config) {
        this(new JsonLimits(config.maxFrameBytes(), config.maxDepth(), config.maxStringLength(),
                config.maxNumberLength()));
    }

    JacksonEnvelopeCodec(JsonLimits limits, Clock clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        JsonFactory factory = jsonFactory(limits);
        this.treeReader = new JsonTreeReader(factory, nodes, limits);
        this.hintsReader = new FrameHintsReader(factory, limits.maxFrameBytes());
        this.writer = new ObjectMapper(factory).setNodeFactory(nodes).writer();
    }

    @Override
    public JsonLimits limits() {
        return limits;
    }

    @Override
    public Envelope parse(String text) throws ProtocolException {
        if (text == null) {
            throw ProtocolException.malformed(FieldPath.FRAME, "empty frame");
        }
        FrameSize.check(text, limits.maxFrameBytes());
        return EnvelopeReader.read(treeReader.read(text), text, false);
    }

    @Override
    public FrameHints hints(String text) {
        return hintsReader.read(text);
    }

    @Override
    public <T> T payload(Envelope envelope, Class<T> payloadType) throws ProtocolException {
        Set<MessageType> types = PayloadReaders.typesOf(payloadType);
        if (types == null) {
            throw new IllegalArgumentException(payloadType + " is not a payload type of "
                    + "io.aiconexus.gateway.protocol.payload");
        }
        if (!types.contains(envelope.type())) {
            throw ProtocolException.malformed("type",
                    "a " + envelope.type() + " frame has no " + payloadType.getSimpleName());
        }
        return payloadType.cast(PayloadReaders.read(envelope.type(), envelope.payload()));
    }

    @Override
    public ObjectNode newEnvelope(MessageType type, String from, String to, String correlationId,
            ObjectNode payload) {
        ObjectNode tree = nodes.objectNode();
        tree.put("id", UUID.randomUUID().toString());
        if (correlationId != null) {
            tree.put("correlation_id", correlationId);
        }
        tree.put("timestamp", Timestamps.format(clock.instant()));
        tree.put("from", from);
        tree.put("to", to);
        tree.put("type", Objects.requireNonNull(type, "type").name());
        tree.set("payload", payload == null ? nodes.objectNode() : payload);
        tree.put("version", EnvelopeReader.DEFAULT_VERSION);
        return tree;
    }

    @Override
    public ObjectNode objectNode() {
        return nodes.objectNode();
    }

    @Override
    public String write(ObjectNode tree) {
        try {
            return writer.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            // only a node that is no JSON (a POJO node, say) gets here: the caller built it
            throw new IllegalArgumentException("tree cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public Envelope wrap(ObjectNode tree) throws ProtocolException {
        return EnvelopeReader.read(tree, write(tree), true);
    }

    static JsonFactory jsonFactory(JsonLimits limits) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                // one level of slack: JsonTreeReader refuses first, naming the whole frame
                .maxNestingDepth((int) Math.min(Integer.MAX_VALUE, limits.maxDepth() + 1L))
                .maxNumberLength(limits.maxNumberLength())
                .maxStringLength(limits.maxStringLength())
                .maxNameLength(limits.maxStringLength())
                .build();
        return JsonFactory.builder()
                .streamReadConstraints(constraints)
                // agents choose the keys: keep them out of the JVM string pool, and let a flood of
                // colliding keys slow the symbol table down rather than fail a legal frame
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .disable(JsonFactory.Feature.FAIL_ON_SYMBOL_HASH_OVERFLOW)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
    }
}
