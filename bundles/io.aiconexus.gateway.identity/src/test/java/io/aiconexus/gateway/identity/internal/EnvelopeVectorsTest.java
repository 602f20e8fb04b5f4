package io.aiconexus.gateway.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.identity.SignatureCheck;
import io.aiconexus.gateway.protocol.CanonicalForm;
import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.JsonLimits;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.protocol.ProtocolException;
import io.aiconexus.gateway.protocol.internal.JacksonEnvelopeCodec;
import io.aiconexus.gateway.protocol.internal.JsonCanonicalizer;

/**
 * Frames signed by an independent implementation (Python's {@code cryptography}, see
 * {@code src/test/resources/vectors/make_vectors.py}), parsed and canonicalized by the protocol
 * bundle, verified and re-signed here.
 */
class EnvelopeVectorsTest {
    private static final JsonNode VECTORS = load();

    private final JacksonEnvelopeCodec codec = new JacksonEnvelopeCodec(JsonLimits.DEFAULT);
    private final JsonCanonicalizer canonicalizer = new JsonCanonicalizer();
    private final DidKeyCodec didKeys = new DidKeyCodec();
    private final CachingEnvelopeVerifier verifier = new CachingEnvelopeVerifier(canonicalizer, didKeys);
    private final JcsEnvelopeSigner signer = new JcsEnvelopeSigner(canonicalizer);

    static Stream<Arguments> vectors() {
        return StreamSupport.stream(VECTORS.get("vectors").spliterator(), false)
                .map(vector -> Arguments.of(vector.get("name").asText(), vector));
    }

    @Test
    void keysDeriveThePublishedDids() {
        for (JsonNode key : VECTORS.get("keys")) {
            Ed25519Identity identity = identity(key.get("name").asText());
            assertEquals(key.get("did").asText(), identity.did());
            assertEquals(key.get("legacy_did").asText(), didKeys.encodeLegacy(identity.publicKey()));
            assertEquals(key.get("public_key_base58").asText(), identity.publicKeyBase58());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void canonicalBytesAreThoseThePythonSideComputed(String name, JsonNode vector) throws ProtocolException {
        Envelope envelope = codec.parse(vector.get("frame").asText());
        assertEquals(vector.get("jcs").asText(), utf8(canonicalizer.signingInput(envelope.tree(), CanonicalForm.JCS)));
        if (vector.has("python")) {
            assertEquals(vector.get("python").asText(),
                    utf8(canonicalizer.signingInput(envelope.tree(), CanonicalForm.PYTHON)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void verifiesWithTheExpectedForm(String name, JsonNode vector) throws ProtocolException {
        Envelope envelope = codec.parse(vector.get("frame").asText());
        CanonicalForm expected = CanonicalForm.valueOf(vector.get("expected_form").asText());
        assertEquals(SignatureCheck.valid(expected), verifier.verify(envelope));
        // and again from the cache, and for the frame relayed as received
        assertEquals(SignatureCheck.valid(expected), verifier.verify(envelope));
        assertEquals(SignatureCheck.valid(expected), verifier.verify(codec.parse(envelope.text())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void anyTamperingIsAMismatch(String name, JsonNode vector) throws ProtocolException {
        Envelope envelope = codec.parse(vector.get("frame").asText());
        String otherDid = VECTORS.get("keys").get(2).get("did").asText();
        Map<String, Consumer<ObjectNode>> tampers = new LinkedHashMap<>();
        tampers.put("payload field added", tree -> ((ObjectNode) tree.get("payload")).put("injected", true));
        tampers.put("payload field changed", tree -> {
            ObjectNode payload = (ObjectNode) tree.get("payload");
            // changed so that the payload schema still holds: the signature must be what rejects it
            String field = payload.fieldNames().next();
            JsonNode value = payload.get(field);
            if (value.isTextual()) {
                payload.put(field, value.asText() + "z");
            } else if (value.isIntegralNumber()) {
                payload.put(field, value.asLong() + 1);
            } else if (value.isObject()) {
                ((ObjectNode) value).put("injected", 1);
            } else {
                payload.put(field, "changed");
            }
        });
        tampers.put("to changed", tree -> tree.put("to", tree.get("to").asText().equals(otherDid)
                ? VECTORS.get("keys").get(1).get("did").asText() : otherDid));
        tampers.put("unknown field added", tree -> tree.put("x_injected", "value"));
        tampers.put("unknown field changed", tree -> {
            if (tree.has("x_unknown")) {
                tree.put("x_unknown", "replaced");
            } else {
                tree.putObject("x_unknown");
            }
        });
        tampers.put("id changed", tree -> tree.put("id", tree.get("id").asText() + "0"));
        tampers.put("timestamp changed", tree -> tree.put("timestamp", "2026-01-12T10:00:00.999999"));
        tampers.put("version added or changed", tree -> tree.put("version", tree.has("version") ? "1.1" : "1.0"));
        tampers.put("signature bit flipped", tree -> {
            byte[] signature = Base64.getDecoder().decode(tree.get("signature").asText());
            signature[10] ^= 1;
            tree.put("signature", Base64.getEncoder().encodeToString(signature));
        });

        for (Map.Entry<String, Consumer<ObjectNode>> tamper : tampers.entrySet()) {
            ObjectNode copy = envelope.tree().deepCopy();
            tamper.getValue().accept(copy);
            Envelope tampered = codec.parse(codec.write(copy));
            assertEquals(SignatureCheck.invalid(SignatureCheck.MISMATCH), verifier.verify(tampered), tamper.getKey());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void javaSignaturesEqualThePythonOnes(String name, JsonNode vector) throws ProtocolException {
        Envelope envelope = codec.parse(vector.get("frame").asText());
        Ed25519Identity identity = identity(vector.get("key").asText());
        String expected = vector.get("signature").asText();
        if ("JCS".equals(vector.get("signed_over").asText())) {
            // the signer this project uses: same seed, same RFC 8785 bytes, so the same signature
            ObjectNode unsigned = envelope.tree().deepCopy();
            assertEquals(expected, signer.sign(identity, unsigned).get("signature").asText());
        } else {
            byte[] python = canonicalizer.signingInput(envelope.tree(), CanonicalForm.PYTHON);
            assertEquals(expected, Base64.getEncoder().encodeToString(identity.sign(python)));
        }
    }

    @Test
    void envelopeBuiltAndSignedHereVerifiesAfterTheWire() throws ProtocolException {
        Ed25519Identity alice = identity("alice");
        Ed25519Identity bob = identity("bob");
        ObjectNode payload = codec.objectNode();
        payload.put("sdp", "v=0\r\n");
        payload.put("note", "Gr\u00fc\u00dfe \uD83D\uDE80");
        ObjectNode tree = codec.newEnvelope(MessageType.OFFER, alice.did(), bob.did(), null, payload);
        signer.sign(alice, tree);

        Envelope received = codec.parse(codec.write(tree));
        assertEquals(SignatureCheck.valid(CanonicalForm.JCS), verifier.verify(received));
        ObjectNode forged = received.tree().deepCopy();
        forged.put("from", bob.did());
        assertEquals(SignatureCheck.invalid(SignatureCheck.MISMATCH), verifier.verify(codec.parse(codec.write(forged))));
    }

    private static Ed25519Identity identity(String name) {
        for (JsonNode key : VECTORS.get("keys")) {
            if (key.get("name").asText().equals(name)) {
                return new Ed25519Identity(HexFormat.of().parseHex(key.get("seed_hex").asText()));
            }
        }
        throw new IllegalArgumentException("no key " + name);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static JsonNode load() {
        try (InputStream in = EnvelopeVectorsTest.class.getResourceAsStream("/vectors/envelope-vectors.json")) {
            assertNotNull(in, "vectors/envelope-vectors.json on the test class path");
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the envelope vectors", e);
        }
    }
}
