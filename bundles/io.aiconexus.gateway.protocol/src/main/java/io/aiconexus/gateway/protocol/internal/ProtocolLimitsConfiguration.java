package io.aiconexus.gateway.protocol.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The limits an operator sets on incoming frames (configuration PID
 * {@value JacksonEnvelopeCodec#PID}); the defaults are those of PROTOCOL.md.
 */
@ObjectClassDefinition(id = JacksonEnvelopeCodec.PID, name = "AIConexus Gateway protocol limits",
        description = "Bounds on every frame an agent sends, so hostile JSON costs bounded time and memory. "
                + "A frame over the size limit is answered PAYLOAD_TOO_LARGE, any other excess MALFORMED_MESSAGE.")
public @interface ProtocolLimitsConfiguration {

    @AttributeDefinition(name = "Max frame bytes",
            description = "Largest accepted text frame, in UTF-8 bytes. Default 1048576 (1 MiB).", min = "1")
    int maxFrameBytes() default 1 << 20;

    @AttributeDefinition(name = "Max depth",
            description = "Deepest accepted nesting of JSON objects and arrays, the envelope itself being level 1. "
                    + "Default 1000.", min = "1")
    int maxDepth() default 1000;

    @AttributeDefinition(name = "Max string length",
            description = "Longest accepted JSON string or key, in characters. Default 1048576.", min = "1")
    int maxStringLength() default 1 << 20;

    @AttributeDefinition(name = "Max number length",
            description = "Longest accepted number literal, in characters. Default 1000.", min = "1")
    int maxNumberLength() default 1000;
}
