package io.aiconexus.gateway.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.identity.SignatureCheck;
import io.aiconexus.gateway.protocol.CanonicalForm;
import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.JsonLimits;
import io.aiconexus.gateway.protocol.internal.JacksonEnvelopeCodec;
import io.aiconexus.gateway.protocol.internal.JsonCanonicalizer;

/**
 * Legal JSON that RFC 8785 cannot express (a lone surrogate, a number beyond the double range)
 * must not make the verifier throw: the frame may still carry a Python-form signature.
 */
class JcsInexpressibleFrameTest {
    private final JacksonEnvelopeCodec codec = new JacksonEnvelopeCodec(JsonLimits.DEFAULT);
    private final JsonCanonicalizer canonicalizer = new JsonCanonicalizer();
    private final CachingEnvelopeVerifier verifier = new CachingEnvelopeVerifier(canonicalizer, new DidKeyCodec());
    private final AgentIdentity agent = new KeyFileIdentities().generate();

    @Test
    void aLoneSurrogateSignedInPythonFormVerifies() throws Exception {
        Envelope frame = pythonSigned("{\"sdp\":\"v=0 \\ud800\"}");
        assertThrows(IllegalArgumentException.class, () -> canonicalizer.signingInput(frame.tree(), CanonicalForm.JCS));

        SignatureCheck check = verifier.verify(frame);

        assertTrue(check.valid(), () -> "refused: " + check.reason());
        assertEquals(CanonicalForm.PYTHON, check.form());
    }

    @Test
    void aNumberBeyondDoubleRangeIsJustAMismatchWhenTampered() throws Exception {
        Envelope frame = pythonSigned("{\"sdp\":\"v=0\",\"huge\":1e400}");
        String tampered = frame.text().replace("v=0", "v=1");

        SignatureCheck check = verifier.verify(codec.parse(tampered));

        assertFalse(check.valid());
        assertEquals(SignatureCheck.MISMATCH, check.reason());
    }

    private Envelope pythonSigned(String payloadJson) throws Exception {
        String unsigned = "{\"id\":\"f-1\",\"timestamp\":\"2026-11-24T10:00:00Z\",\"from\":\"" + agent.did()
                + "\",\"to\":\"" + agent.did() + "\",\"type\":\"OFFER\",\"payload\":" + payloadJson
                + ",\"signature\":\"x\"}";
        ObjectNode tree = codec.parse(unsigned).tree().deepCopy();
        byte[] bytes = canonicalizer.signingInput(tree, CanonicalForm.PYTHON);
        tree.put("signature", Base64.getEncoder().encodeToString(agent.sign(bytes)));
        String text = unsigned.replace("\"signature\":\"x\"", "\"signature\":\"" + tree.get("signature").asText() + "\"");
        return codec.parse(text);
    }
}
