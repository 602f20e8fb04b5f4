package io.aiconexus.gateway.protocol.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.protocol.CanonicalForm;
import io.aiconexus.gateway.protocol.Canonicalizer;

/** The seed SDK's json.dumps(obj, sort_keys=True, separators=(",", ":")). */
class PythonFormTest {
    private final Canonicalizer canonicalizer = new JsonCanonicalizer();

    private String python(String json) throws Exception {
        return TestData.utf8(canonicalizer.canonicalize(TestData.tree(json), CanonicalForm.PYTHON));
    }

    /** Frames dumped by CPython 3.11 (src/test/vectors/make_python_vectors.py). */
    @ParameterizedTest
    @MethodSource("pythonVectors")
    void agreesWithCPython(String input, String expected) throws Exception {
        assertEquals(expected, python(input));
    }

    static Stream<Arguments> pythonVectors() throws Exception {
        JsonNode cases = new ObjectMapper().readTree(TestData.resource("python-form.json"));
        return Stream.iterate(0, i -> i < cases.size(), i -> i + 1)
                .map(i -> Arguments.of(cases.get(i).get("input").textValue(), cases.get(i).get("python").textValue()));
    }

    @Test
    void keepsTheNumberLiteralKind() throws Exception {
        // json.dumps(json.loads('{"a":1234.0,"b":1234,"c":1e2,"d":-0.0,"e":-0}'), ...)
        assertEquals("{\"a\":1234.0,\"b\":1234,\"c\":100.0,\"d\":-0.0,\"e\":0}",
                python("{\"a\":1234.0,\"b\":1234,\"c\":1e2,\"d\":-0.0,\"e\":-0}"));
    }

    @Test
    void sortsAstralKeysByCodePoint() throws Exception {
        // U+1F600 sorts after U+FB33 in Python, before it in UTF-16 (and so in JCS)
        String json = "{\"\\ufb33\":1,\"\\ud83d\\ude00\":2}";
        assertEquals("{\"\\ufb33\":1,\"\\ud83d\\ude00\":2}", python(json));
        assertEquals("{\"\ud83d\ude00\":2,\"\ufb33\":1}",
                TestData.utf8(canonicalizer.canonicalize(TestData.tree(json), CanonicalForm.JCS)));
    }

    @Test
    void signingInputDropsOnlyTheTopLevelSignature() throws Exception {
        ObjectNode envelope = TestData.tree("{\"signature\":\"s\",\"\u00e9\":\"\u00e9\",\"p\":{\"signature\":1.0}}");
        assertEquals("{\"p\":{\"signature\":1.0},\"\\u00e9\":\"\\u00e9\"}",
                TestData.utf8(canonicalizer.signingInput(envelope, CanonicalForm.PYTHON)));
    }

    @Test
    void treesBuiltInCodeUseTheirNodeKinds() {
        ObjectNode tree = JsonNodeFactory.instance.objectNode().put("i", 5).put("l", 1L << 60).put("d", 2.5)
                .put("f", 0.1f).put("big", new java.math.BigInteger("123456789012345678901234567890"));
        // python3: json.dumps({"i":5,"l":2**60,"d":2.5,"f":0.1,"big":123456789012345678901234567890}, ...);
        // a float node counts as the digits Jackson writes for it, not as its widening to double
        assertEquals("{\"big\":123456789012345678901234567890,\"d\":2.5,\"f\":0.1,\"i\":5,\"l\":1152921504606846976}",
                TestData.utf8(canonicalizer.canonicalize(tree, CanonicalForm.PYTHON)));
    }
}
