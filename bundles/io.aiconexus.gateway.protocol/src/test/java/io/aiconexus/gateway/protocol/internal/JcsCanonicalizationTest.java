package io.aiconexus.gateway.protocol.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;

import io.aiconexus.gateway.protocol.CanonicalForm;
import io.aiconexus.gateway.protocol.Canonicalizer;
import io.aiconexus.gateway.protocol.JsonLimits;

/** RFC 8785 canonical JSON of whole trees. */
class JcsCanonicalizationTest {
    private final Canonicalizer canonicalizer = new JsonCanonicalizer();

    private String jcs(String json) throws Exception {
        return TestData.utf8(canonicalizer.canonicalize(TestData.tree(json), CanonicalForm.JCS));
    }

    @Test
    void rfc8785Section322Example() throws Exception {
        byte[] canonical = canonicalizer.canonicalize(TestData.tree(TestData.resource("rfc8785-3.2.2-input.json")),
                CanonicalForm.JCS);
        assertArrayEquals(TestData.resource("rfc8785-3.2.2-output.json").getBytes(StandardCharsets.UTF_8), canonical);
    }

    @Test
    void rfc8785Section323SortsKeysByUtf16CodeUnits() throws Exception {
        byte[] canonical = canonicalizer.canonicalize(TestData.tree(TestData.resource("rfc8785-3.2.3-input.json")),
                CanonicalForm.JCS);
        assertArrayEquals(TestData.resource("rfc8785-3.2.3-output.json").getBytes(StandardCharsets.UTF_8), canonical);
    }

    /** Frames canonicalized by Node.js (src/test/vectors/make_ecmascript_vectors.js). */
    @ParameterizedTest
    @MethodSource("nodeVectors")
    void agreesWithJavaScript(String input, String expected) throws Exception {
        assertEquals(expected, jcs(input));
    }

    static Stream<Arguments> nodeVectors() throws Exception {
        JsonNode cases = new ObjectMapper().readTree(TestData.resource("jcs.json"));
        return Stream.iterate(0, i -> i < cases.size(), i -> i + 1)
                .map(i -> Arguments.of(cases.get(i).get("input").textValue(), cases.get(i).get("jcs").textValue()));
    }

    @Test
    void escapesOnlyQuoteBackslashAndC0Controls() throws Exception {
        assertEquals("{\"s\":\"\\u0000\\u001f\\b\\t\\n\\f\\r\\u000b\u007f\u0080\u2028/\\\"\\\\\"}",
                jcs("{\"s\":\"\\u0000\\u001f\\b\\t\\n\\f\\r\\u000b\\u007f\\u0080\\u2028\\/\\\"\\\\\"}"));
    }

    @Test
    void writesUtf8() throws Exception {
        byte[] canonical = canonicalizer.canonicalize(TestData.tree("{\"s\":\"\u00e9\u20ac\\ud83d\\ude00\"}"),
                CanonicalForm.JCS);
        assertArrayEquals(new byte[] {'{', '"', 's', '"', ':', '"', (byte) 0xc3, (byte) 0xa9, (byte) 0xe2, (byte) 0x82,
            (byte) 0xac, (byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x80, '"', '}'}, canonical);
    }

    @Test
    void refusesLoneSurrogates() throws Exception {
        ObjectNode tree = TestData.tree("{\"s\":\"\\ud800x\"}");
        assertThrows(IllegalArgumentException.class, () -> canonicalizer.canonicalize(tree, CanonicalForm.JCS));
        ObjectNode key = JsonNodeFactory.instance.objectNode().put("\udc00", 1);
        assertThrows(IllegalArgumentException.class, () -> canonicalizer.canonicalize(key, CanonicalForm.JCS));
    }

    @Test
    void refusesNumbersBeyondTheDoubleRange() throws Exception {
        ObjectNode tree = TestData.tree("{\"n\":1e400}");
        assertThrows(IllegalArgumentException.class, () -> canonicalizer.canonicalize(tree, CanonicalForm.JCS));
    }

    @Test
    void refusesNodesThatAreNotJson() {
        ObjectNode tree = JsonNodeFactory.instance.objectNode().set("p", new POJONode(new Object()));
        assertThrows(IllegalArgumentException.class, () -> canonicalizer.canonicalize(tree, CanonicalForm.JCS));
        ObjectNode nan = JsonNodeFactory.instance.objectNode().set("n", DoubleNode.valueOf(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> canonicalizer.canonicalize(nan, CanonicalForm.JCS));
    }

    @Test
    void canonicalizesAnyJsonValue() throws Exception {
        ObjectNode tree = TestData.tree("{\"a\":[\"x\",{\"b\":2,\"a\":1}],\"t\":true,\"n\":null}");
        assertEquals("[\"x\",{\"a\":1,\"b\":2}]", TestData.utf8(canonicalizer.canonicalize(tree.get("a"), CanonicalForm.JCS)));
        assertEquals("true", TestData.utf8(canonicalizer.canonicalize(tree.get("t"), CanonicalForm.JCS)));
        assertEquals("null", TestData.utf8(canonicalizer.canonicalize(tree.get("n"), CanonicalForm.JCS)));
    }

    @Test
    void signingInputDropsOnlyTheTopLevelSignature() throws Exception {
        ObjectNode envelope = TestData.tree("{\"signature\":\"sig\",\"id\":\"1\","
                + "\"payload\":{\"signature\":\"kept\",\"z\":1.50},\"x-extra\":[1e2]}");
        assertEquals("{\"id\":\"1\",\"payload\":{\"signature\":\"kept\",\"z\":1.5},\"x-extra\":[100]}",
                TestData.utf8(canonicalizer.signingInput(envelope, CanonicalForm.JCS)));
        assertEquals("{\"id\":\"1\",\"payload\":{\"signature\":\"kept\",\"z\":1.5},\"signature\":\"sig\",\"x-extra\":[100]}",
                TestData.utf8(canonicalizer.canonicalize(envelope, CanonicalForm.JCS)));
        assertEquals(4, envelope.size(), "the tree is not modified");
    }

    @Test
    void deepTreesDoNotOverflowTheStack() throws Exception {
        int depth = 100_000;
        String json = "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
        JsonLimits limits = new JsonLimits(1 << 20, depth + 1, 1000, 1000);
        ObjectNode tree = new JsonTreeReader(JacksonEnvelopeCodec.jsonFactory(limits), JsonNodeFactory.instance, limits)
                .read(json);
        assertEquals(json, TestData.utf8(canonicalizer.canonicalize(tree, CanonicalForm.JCS)));
    }
}
