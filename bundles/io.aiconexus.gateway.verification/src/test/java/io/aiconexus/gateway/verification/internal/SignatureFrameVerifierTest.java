package io.aiconexus.gateway.verification.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.identity.DidKey;
import io.aiconexus.gateway.identity.internal.CachingEnvelopeVerifier;
import io.aiconexus.gateway.identity.internal.DidKeyCodec;
import io.aiconexus.gateway.identity.internal.JcsEnvelopeSigner;
import io.aiconexus.gateway.identity.internal.KeyFileIdentities;
import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.JsonLimits;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.protocol.internal.JacksonEnvelopeCodec;
import io.aiconexus.gateway.protocol.internal.JsonCanonicalizer;
import io.aiconexus.gateway.verification.VerificationMode;
import io.aiconexus.gateway.verification.Verdict;
import io.aiconexus.gateway.verification.Verdict.Failure;

/** The verifier with the real codec, canonicalizer and Ed25519 code: only the clock is fixed. */
class SignatureFrameVerifierTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private final JacksonEnvelopeCodec codec = new JacksonEnvelopeCodec(JsonLimits.DEFAULT);
    private final JsonCanonicalizer canonicalizer = new JsonCanonicalizer();
    private final DidKeyCodec didKeys = new DidKeyCodec();
    private final JcsEnvelopeSigner signer = new JcsEnvelopeSigner(canonicalizer);
    private final AgentIdentity agent = new KeyFileIdentities().generate();
    private final CachingEnvelopeVerifier signatures = new CachingEnvelopeVerifier(canonicalizer, didKeys);

    @Test
    void aFreshlySignedFrameIsAccepted() throws Exception {
        Verdict verdict = verifier("enforce").verify(frame("id-1", NOW), key());
        assertTrue(verdict.accepted());
        assertNull(verdict.failure());
    }

    @Test
    void theSameIdFromTheSameSenderIsAReplay() throws Exception {
        SignatureFrameVerifier verifier = verifier("enforce");
        Envelope frame = frame("id-1", NOW);
        assertTrue(verifier.verify(frame, key()).accepted());

        Verdict replay = verifier.verify(frame, key());

        assertFalse(replay.accepted());
        assertEquals(Failure.REPLAYED, replay.failure());
        assertEquals("replayed", replay.failure().reason());
    }

    @Test
    void theSameIdFromAnotherSenderIsNoReplay() throws Exception {
        SignatureFrameVerifier verifier = verifier("enforce");
        assertTrue(verifier.verify(frame("shared-id", NOW), key()).accepted());
        AgentIdentity other = new KeyFileIdentities().generate();
        Envelope fromOther = sign(other, "shared-id", NOW);

        assertTrue(verifier.verify(fromOther, didKeys.decode(other.did())).accepted());
    }

    @Test
    void timestampsOutsideTheWindowAreStaleBothWays() throws Exception {
        SignatureFrameVerifier verifier = verifier("enforce");
        assertEquals(Failure.STALE, verifier.verify(frame("old", NOW.minusSeconds(301)), key()).failure());
        assertEquals(Failure.STALE, verifier.verify(frame("future", NOW.plusSeconds(301)), key()).failure());
        assertTrue(verifier.verify(frame("edge", NOW.minusSeconds(299)), key()).accepted());
    }

    @Test
    void aTamperedFrameFailsItsSignature() throws Exception {
        Envelope signed = frame("id-1", NOW);
        String tampered = signed.text().replace("v=0", "v=1");

        Verdict verdict = verifier("enforce").verify(codec.parse(tampered), key());

        assertFalse(verdict.accepted());
        assertEquals(Failure.SIGNATURE, verdict.failure());
    }

    @Test
    void auditPassesBadFramesOnButReportsTheFailure() throws Exception {
        String tampered = frame("id-1", NOW).text().replace("v=0", "v=1");

        Verdict verdict = verifier("audit").verify(codec.parse(tampered), key());

        assertTrue(verdict.accepted());
        assertEquals(Failure.SIGNATURE, verdict.failure());
    }

    @Test
    void offChecksNothing() throws Exception {
        SignatureFrameVerifier verifier = verifier("off");
        Envelope stale = frame("id-1", NOW.minusSeconds(3600));
        assertTrue(verifier.verify(stale, key()).accepted());
        assertTrue(verifier.verify(stale, key()).accepted());
        assertEquals(VerificationMode.OFF, verifier.mode());
    }

    @Test
    void theModeChangesLive() throws Exception {
        SignatureFrameVerifier verifier = verifier("enforce");
        String tampered = frame("id-1", NOW).text().replace("v=0", "v=1");
        assertFalse(verifier.verify(codec.parse(tampered), key()).accepted());

        verifier.modified(config("audit", 300));

        assertTrue(verifier.verify(codec.parse(tampered), key()).accepted());
    }

    @Test
    void anUnknownModeEnforces() {
        assertEquals(VerificationMode.ENFORCE, SignatureFrameVerifier.parseMode("paranoid"));
        assertEquals(VerificationMode.AUDIT, SignatureFrameVerifier.parseMode(" Audit "));
    }

    private SignatureFrameVerifier verifier(String mode) {
        return new SignatureFrameVerifier(signatures, config(mode, 300), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private DidKey key() throws Exception {
        return didKeys.decode(agent.did());
    }

    private Envelope frame(String id, Instant timestamp) throws Exception {
        return sign(agent, id, timestamp);
    }

    private Envelope sign(AgentIdentity who, String id, Instant timestamp) throws Exception {
        var tree = codec.newEnvelope(MessageType.OFFER, who.did(), who.did(), null, codec.objectNode().put("sdp", "v=0"));
        tree.put("id", id);
        tree.put("timestamp", timestamp.toString());
        return codec.parse(codec.write(signer.sign(who, tree)));
    }

    private static VerifierConfig config(String mode, int window) {
        return new VerifierConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return VerifierConfig.class;
            }

            @Override
            public String mode() {
                return mode;
            }

            @Override
            public int replayWindowSeconds() {
                return window;
            }

            @Override
            public int maxIdsPerSender() {
                return 1000;
            }
        };
    }
}
