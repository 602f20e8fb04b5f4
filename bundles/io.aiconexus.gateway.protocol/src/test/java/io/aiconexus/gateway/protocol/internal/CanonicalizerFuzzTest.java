package io.aiconexus.gateway.protocol.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.protocol.CanonicalForm;
import io.aiconexus.gateway.protocol.Canonicalizer;
import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.EnvelopeCodec;
import io.aiconexus.gateway.protocol.JsonLimits;
import io.aiconexus.gateway.protocol.ProtocolException;

/**
 * Coverage-guided fuzzing of the canonicalizer on every tree the codec accepts: the verifier runs
 * it on each frame before a signature is checked, so it must not fail on agent input. The fuzzed
 * JSON value is placed in the payload of an INTENT (whose payload takes any extra member), so the
 * fuzzer spends its time on values instead of on rebuilding the envelope.
 *
 * <p>For every accepted tree: the Python form always exists, is pure ASCII and is a fixed point
 * (canonicalizing its own parse gives the same bytes); RFC 8785 either exists and is a fixed point
 * too, or throws the documented {@link IllegalArgumentException}, and then only for a lone
 * surrogate or a number beyond the double range; the signing input equals the canonical form of
 * the envelope without {@code signature}.
 */
class CanonicalizerFuzzTest {
    private static final JsonLimits LIMITS = new JsonLimits(1 << 16, 64, 1 << 15, 400);
    private static final String PREFIX = "{\"id\":\"f-1\",\"timestamp\":\"2026-01-12T10:00:00Z\","
            + "\"from\":\"did:key:z6MkA\",\"to\":\"did:key:z6MkB\",\"type\":\"INTENT\",\"payload\":{\"x\":";
    private static final String SUFFIX = "},\"signature\":\"c2ln\"}";

    private final EnvelopeCodec codec = new JacksonEnvelopeCodec(LIMITS);
    private final Canonicalizer canonicalizer = new JsonCanonicalizer();
    private final JsonTreeReader reader = new JsonTreeReader(JacksonEnvelopeCodec.jsonFactory(LIMITS),
            JsonNodeFactory.withExactBigDecimals(true), LIMITS);

    @FuzzTest(maxDuration = "30s")
    void bothFormsOfAnAcceptedTreeAreFixedPoints(byte[] input) {
        String value = new String(input, StandardCharsets.UTF_8);
        Envelope envelope;
        try {
            envelope = codec.parse(PREFIX + value + SUFFIX);
        } catch (ProtocolException refused) {
            return; // the parser's fuzz test covers refusals
        }
        ObjectNode tree = envelope.tree();

        byte[] python = canonicalizer.canonicalize(tree, CanonicalForm.PYTHON);
        for (byte b : python) {
            assertTrue(b >= 0, "the Python form is ASCII (ensure_ascii)");
        }
        if (!hasNonFiniteNumber(tree)) { // json.dumps writes Infinity, which is no JSON to parse back
            assertArrayEquals(python, canonicalizer.canonicalize(reparse(python), CanonicalForm.PYTHON),
                    "the Python form of the Python form is itself");
        }
        assertArrayEquals(canonicalizer.canonicalize(withoutSignature(tree), CanonicalForm.PYTHON),
                canonicalizer.signingInput(tree, CanonicalForm.PYTHON));

        byte[] jcs;
        try {
            jcs = canonicalizer.canonicalize(tree, CanonicalForm.JCS);
        } catch (IllegalArgumentException inexpressible) {
            assertTrue(hasLoneSurrogate(tree) || hasNonFiniteNumber(tree),
                    () -> "RFC 8785 refused a tree it can express: " + inexpressible.getMessage() + " " + value);
            return;
        }
        assertArrayEquals(jcs, canonicalizer.canonicalize(reparse(jcs), CanonicalForm.JCS),
                "the RFC 8785 form of the RFC 8785 form is itself");
        assertArrayEquals(canonicalizer.canonicalize(withoutSignature(tree), CanonicalForm.JCS),
                canonicalizer.signingInput(tree, CanonicalForm.JCS));
    }

    private ObjectNode reparse(byte[] canonical) {
        try {
            return reader.read(new String(canonical, StandardCharsets.UTF_8));
        } catch (ProtocolException e) {
            return fail("a canonical form is JSON the codec reads back: " + e.getMessage() + " "
                    + new String(canonical, StandardCharsets.UTF_8));
        }
    }

    private static ObjectNode withoutSignature(ObjectNode tree) {
        ObjectNode copy = tree.deepCopy();
        copy.remove(JsonCanonicalizer.SIGNATURE);
        return copy;
    }

    private static boolean hasLoneSurrogate(JsonNode root) {
        for (JsonNode node : nodes(root)) {
            if (node.isTextual() && loneSurrogate(node.textValue())) {
                return true;
            }
            if (node.isObject()) {
                for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
                    if (loneSurrogate(names.next())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean hasNonFiniteNumber(JsonNode root) {
        for (JsonNode node : nodes(root)) {
            if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
                return true;
            }
        }
        return false;
    }

    private static boolean loneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Every node of the tree, without recursion (trees may be as deep as the limit). */
    private static Iterable<JsonNode> nodes(JsonNode root) {
        ArrayDeque<JsonNode> all = new ArrayDeque<>();
        ArrayDeque<JsonNode> open = new ArrayDeque<>();
        open.push(root);
        while (!open.isEmpty()) {
            JsonNode node = open.pop();
            all.add(node);
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> member : node.properties()) {
                    open.push(member.getValue());
                }
            } else if (node.isArray()) {
                node.forEach(open::push);
            }
        }
        return all;
    }
}
