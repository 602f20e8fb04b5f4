package io.aiconexus.gateway.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.identity.DidKey;
import io.aiconexus.gateway.identity.InvalidDidException;
import io.aiconexus.gateway.identity.SignatureCheck;
import io.aiconexus.gateway.protocol.CanonicalForm;
import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.MessageType;

/** The verifier's order of checks and its outcomes, with a canonicalizer whose bytes the test controls. */
class VerifierDecisionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Ed25519Identity alice = new Ed25519Identity(seed(1));
    private final Ed25519Identity bob = new Ed25519Identity(seed(2));
    private final DidKeyCodec didKeys = new DidKeyCodec();

    @Test
    void jcsSignatureIsValidAsJcsWithoutComputingThePythonForm() {
        FakeCanonicalizer canonicalizer = new FakeCanonicalizer();
        CachingEnvelopeVerifier verifier = new CachingEnvelopeVerifier(canonicalizer, didKeys);
        Envelope envelope = signed(canonicalizer, alice, alice.did(), CanonicalForm.JCS);

        assertEquals(SignatureCheck.valid(CanonicalForm.JCS), verifier.verify(envelope));
        assertEquals(0, canonicalizer.calls(CanonicalForm.PYTHON), "the Python form is only a fallback");
    }

    @Test
    void pythonSignatureIsValidAsPythonAfterJcsFails() {
        FakeCanonicalizer canonicalizer = new FakeCanonicalizer();
        CachingEnvelopeVerifier verifier = new CachingEnvelopeVerifier(canonicalizer, didKeys);
        Envelope envelope = signed(canonicalizer, alice, alice.did(), CanonicalForm.PYTHON);

        SignatureCheck check = verifier.verify(envelope);
        assertTrue(check.valid());
        assertEquals(CanonicalForm.PYTHON, check.form());
        assertNull(check.reason());
    }

    @Test
    void legacyDidVerifiesLikeTheStandardOne() {
        FakeCanonicalizer canonicalizer = new FakeCanonicalizer();
        CachingEnvelopeVerifier verifier = new CachingEnvelopeVerifier(canonicalizer, didKeys);
        String legacy = didKeys.encodeLegacy(alice.publicKey());
        assertEquals(SignatureCheck.valid(CanonicalForm.PYTHON),
                verifier.verify(signed(canonicalizer, alice, legacy, CanonicalForm.PYTHON)));
        assertEquals(SignatureCheck.valid(CanonicalForm.JCS),
                verifier.verify(signed(canonicalizer, alice, legacy, CanonicalForm.JCS)));
    }

    @Test
    void signatureOfAnotherKeyIsAMismatch() {
        FakeCanonicalizer canonicalizer = new FakeCanonicalizer();
        CachingEnvelopeVerifier verifier = new CachingEnvelopeVerifier(canonicalizer, didKeys);
        // bob signs a frame that claims to come from alice: the spoofing the seed never caught
        assertEquals(SignatureCheck.invalid(SignatureCheck.MISMATCH),
                verifier.verify(signed(canonicalizer, bob, alice.did(), CanonicalForm.JCS)));
        assertEquals(SignatureCheck.invalid(SignatureCheck.MISMATCH),
                verifier.verify(signed(canonicalizer, bob, alice.did(), CanonicalForm.PYTHON)));
    }

    @Test
    void identicalFormsThatFailAreAMismatch() {
        FakeCanonicalizer canonicalizer = new FakeCanonicalizer(false);
        CachingEnvelopeVerifier verifier = new CachingEnvelopeVerifier(canonicalizer, didKeys);
        Envelope envelope = signed(canonicalizer, bob, alice.did(), CanonicalForm.JCS);
        assertEquals(SignatureCheck.invalid(SignatureCheck.MISMATCH), verifier.verify(envelope));
    }

    @Test
    void missingAndMalformedSignatures() {
        FakeCanonicalizer canonicalizer = new FakeCanonicalizer();
        CachingEnvelopeVerifier verifier = new CachingEnvelopeVerifier(canonicalizer, didKeys);
        Envelope good = signed(canonicalizer, alice, alice.did(), CanonicalForm.JCS);
        String signature = good.signature();

        assertEquals(SignatureCheck.invalid(SignatureCheck.MISSING), verifier.verify(withSignature(good, null)));
        for (String malformed : new String[] {"", "not base64!", signature.substring(4), signature + "AAAA",
                Base64.getEncoder().encodeToString(new byte[63]), Base64.getEncoder().encodeToString(new byte[65]),
                Base64.getUrlEncoder().encodeToString(new byte[] {-1, -2, -3}) + signature.substring(4),
                "A".repeat(1_000_000)}) {
            assertEquals(SignatureCheck.invalid(SignatureCheck.MALFORMED), verifier.verify(withSignature(good, malformed)),
                    malformed.length() > 100 ? "a huge signature" : malformed);
        }
        // padding may be left off: the decoder accepts it, and the bytes are what is verified
        assertEquals(SignatureCheck.valid(CanonicalForm.JCS),
                verifier.verify(withSignature(good, signature.replace("=", ""))));
    }

    @Test
    void badDids() {
        FakeCanonicalizer canonicalizer = new FakeCanonicalizer();
        CachingEnvelopeVerifier verifier = new CachingEnvelopeVerifier(canonicalizer, didKeys);
        byte[] notAPoint = new byte[32];
        notAPoint[0] = 2;
        for (String from : new String[] {null, "did:key:gateway", "did:web:example.com", "did:key:z6Mk0000",
                didKeys.encode(notAPoint), didKeys.encodeLegacy(notAPoint)}) {
            Envelope envelope = signed(canonicalizer, alice, from, CanonicalForm.JCS);
            assertEquals(SignatureCheck.invalid(SignatureCheck.BAD_DID), verifier.verify(envelope), String.valueOf(from));
        }
        assertEquals(0, verifier.cachedKeys(), "bad DIDs are not cached");
    }

    @Test
    void verifiesAgainstAGivenKeyAndNeverTrustsTheCacheForAnotherKey() throws InvalidDidException {
        FakeCanonicalizer canonicalizer = new FakeCanonicalizer();
        CachingEnvelopeVerifier verifier = new CachingEnvelopeVerifier(canonicalizer, didKeys);
        Envelope fromAlice = signed(canonicalizer, alice, alice.did(), CanonicalForm.JCS);
        DidKey aliceKey = didKeys.decode(alice.did());

        assertEquals(SignatureCheck.valid(CanonicalForm.JCS), verifier.verify(fromAlice, aliceKey));
        assertEquals(1, verifier.cachedKeys());
        // a hand-made DidKey that pairs alice's DID with bob's key must be checked against bob's key
        DidKey forged = new DidKey(alice.did(), bob.publicKey(), DidKey.Encoding.STANDARD);
        assertEquals(SignatureCheck.invalid(SignatureCheck.MISMATCH), verifier.verify(fromAlice, forged));
        assertEquals(SignatureCheck.valid(CanonicalForm.JCS), verifier.verify(fromAlice, aliceKey));
        assertEquals(SignatureCheck.valid(CanonicalForm.JCS), verifier.verify(fromAlice));

        byte[] notAPoint = new byte[32];
        notAPoint[0] = 2;
        DidKey bad = new DidKey(didKeys.encode(notAPoint), notAPoint, DidKey.Encoding.STANDARD);
        assertEquals(SignatureCheck.invalid(SignatureCheck.BAD_DID), verifier.verify(fromAlice, bad));
        assertEquals(SignatureCheck.invalid(SignatureCheck.MISSING), verifier.verify(withSignature(fromAlice, null), aliceKey));
    }

    @Test
    void keysAreCachedPerDidAndBounded() {
        FakeCanonicalizer canonicalizer = new FakeCanonicalizer();
        CachingEnvelopeVerifier verifier = new CachingEnvelopeVerifier(canonicalizer, didKeys, 8);
        for (int i = 0; i < 100; i++) {
            Ed25519Identity sender = new Ed25519Identity(seed(100 + i));
            assertTrue(verifier.verify(signed(canonicalizer, sender, sender.did(), CanonicalForm.JCS)).valid());
            assertTrue(verifier.cachedKeys() <= 8, "cache size " + verifier.cachedKeys());
        }
        assertThrows(IllegalArgumentException.class, () -> new CachingEnvelopeVerifier(canonicalizer, didKeys, 1));
    }

    @Test
    void signerSignsTheJcsBytesAndReplacesAnOldSignature() {
        FakeCanonicalizer canonicalizer = new FakeCanonicalizer();
        JcsEnvelopeSigner signer = new JcsEnvelopeSigner(canonicalizer);
        ObjectNode tree = tree(alice.did());
        tree.put("signature", "old");
        signer.sign(alice, tree);
        byte[] signature = Base64.getDecoder().decode(tree.get("signature").asText());
        assertEquals(64, signature.length);
        assertEquals("signature", last(tree), "the signature is written last");
        assertTrue(new CachingEnvelopeVerifier(canonicalizer, didKeys)
                .verify(alice.publicKey(), canonicalizer.signingInput(tree, CanonicalForm.JCS), signature));
        assertFalse(new CachingEnvelopeVerifier(canonicalizer, didKeys)
                .verify(alice.publicKey(), canonicalizer.signingInput(tree, CanonicalForm.PYTHON), signature));
    }

    static byte[] seed(int n) {
        byte[] seed = new byte[32];
        seed[31] = (byte) n;
        seed[0] = (byte) (n >> 8);
        return seed;
    }

    private static String last(ObjectNode tree) {
        String last = null;
        for (var names = tree.fieldNames(); names.hasNext();) {
            last = names.next();
        }
        return last;
    }

    private static ObjectNode tree(String from) {
        ObjectNode tree = JSON.createObjectNode();
        tree.put("id", "6f1c2f0e-3b7a-4c39-9a51-0d2b8e1f4a77");
        tree.putNull("correlation_id");
        tree.put("timestamp", "2026-01-12T10:00:00.123456");
        tree.put("from", from);
        tree.put("to", "did:key:gateway");
        tree.put("type", "PING");
        tree.putObject("payload").put("sequence", 1);
        tree.put("version", "1.0");
        return tree;
    }

    private static Envelope signed(FakeCanonicalizer canonicalizer, Ed25519Identity signer, String from, CanonicalForm form) {
        ObjectNode tree = tree(from);
        String signature = Base64.getEncoder().encodeToString(signer.sign(canonicalizer.signingInput(tree, form)));
        tree.put("signature", signature);
        return new Envelope(tree, tree.toString(), tree.get("id").asText(), null, null, from, "did:key:gateway",
                MessageType.PING, signature);
    }

    private static Envelope withSignature(Envelope envelope, String signature) {
        ObjectNode tree = envelope.tree().deepCopy();
        if (signature == null) {
            tree.remove("signature");
        } else {
            tree.put("signature", signature);
        }
        return new Envelope(tree, tree.toString(), envelope.id(), envelope.correlationId(), envelope.timestamp(),
                envelope.from(), envelope.to(), envelope.type(), signature);
    }
}
