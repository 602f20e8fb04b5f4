package io.aiconexus.gateway.protocol.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.Annotation;

import org.junit.jupiter.api.Test;

import io.aiconexus.gateway.protocol.JsonLimits;

/** The operator's configuration and the defaults of PROTOCOL.md agree. */
class ProtocolLimitsConfigurationTest {

    @Test
    void defaultsAreThoseOfTheProtocol() throws Exception {
        Class<ProtocolLimitsConfiguration> type = ProtocolLimitsConfiguration.class;
        JsonLimits defaults = new JsonLimits((Integer) type.getMethod("maxFrameBytes").getDefaultValue(),
                (Integer) type.getMethod("maxDepth").getDefaultValue(),
                (Integer) type.getMethod("maxStringLength").getDefaultValue(),
                (Integer) type.getMethod("maxNumberLength").getDefaultValue());
        assertEquals(JsonLimits.DEFAULT, defaults);
    }

    @Test
    void theComponentUsesTheConfiguredLimits() {
        ProtocolLimitsConfiguration config = new ProtocolLimitsConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ProtocolLimitsConfiguration.class;
            }

            @Override
            public int maxFrameBytes() {
                return 4096;
            }

            @Override
            public int maxDepth() {
                return 16;
            }

            @Override
            public int maxStringLength() {
                return 2048;
            }

            @Override
            public int maxNumberLength() {
                return 32;
            }
        };
        assertEquals(new JsonLimits(4096, 16, 2048, 32), new JacksonEnvelopeCodec(config).limits());
    }
}
