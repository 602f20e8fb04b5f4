package io.aiconexus.gateway.protocol.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.protocol.JsonLimits;
import io.aiconexus.gateway.protocol.ProtocolException;

/** Trees parsed the way the codec parses them, and the committed vector files. */
final class TestData {

    private TestData() {
    }

    static ObjectNode tree(String json) throws ProtocolException {
        JsonLimits limits = JsonLimits.DEFAULT;
        return new JsonTreeReader(JacksonEnvelopeCodec.jsonFactory(limits), JsonNodeFactory.withExactBigDecimals(true),
                limits).read(json);
    }

    static String resource(String name) {
        try (InputStream in = TestData.class.getResourceAsStream("/vectors/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of a vector file as {bits, text} pairs, comments skipped. */
    static List<Object[]> doubles(String name) {
        List<Object[]> rows = new ArrayList<>();
        for (String line : resource(name).split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int space = line.indexOf(' ');
            rows.add(new Object[] {line.substring(0, space), line.substring(space + 1)});
        }
        return rows;
    }

    static double fromBits(String hex) {
        return Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16));
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
