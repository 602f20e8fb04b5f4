package io.aiconexus.gateway.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.sdk.AgentKeys;
import io.aiconexus.gateway.sdk.ClientError;
import io.aiconexus.gateway.sdk.Message;
import io.aiconexus.gateway.sdk.Messages;

/** Signing what goes out, verifying what comes in, and refusing what does not verify. */
class FramesTest {
    private static final AgentIdentity ALICE = AgentKeys.generate();
    private static final AgentIdentity BOB = AgentKeys.generate();

    @Test
    void aSignedFrameVerifiesOnTheOtherSide() {
        Message offer = Messages.offer(BOB.did(), "v=0 Zoë 東京");
        String text = new Frames(ALICE).sign(offer).text();

        Frames.Received received = new Frames(BOB).read(text);

        assertNull(received.error());
        assertEquals(offer.id(), received.envelope().id());
        assertEquals(ALICE.did(), received.envelope().from());
        assertEquals("1.0", received.envelope().tree().get("version").asText());
    }

    @Test
    void aQueuedFrameKeepsItsIdWhenSignedAgain() {
        Message offer = Messages.offer(BOB.did(), "v=0");
        Frames frames = new Frames(ALICE);

        Envelope first = frames.sign(offer);
        Envelope again = frames.sign(offer);

        assertEquals(first.id(), again.id());
        assertNull(new Frames(BOB).read(again.text()).error());
    }

    @Test
    void aChangedFrameIsRefusedAsInvalidSignature() {
        String text = new Frames(ALICE).sign(Messages.offer(BOB.did(), "v=0 signed")).text();

        Frames.Received received = new Frames(BOB).read(text.replace("v=0 signed", "v=0 forged"));

        assertNull(received.envelope());
        assertEquals(ClientError.Kind.INVALID_SIGNATURE, received.error().kind());
        assertNotNull(received.error().envelope(), "the refused frame is shown to the error handler");
        assertTrue(received.error().message().contains("mismatch"), received.error().message());
    }

    @Test
    void aFrameSignedByAnotherKeyThanItsFromIsRefused() {
        String text = new Frames(ALICE).sign(Messages.offer(BOB.did(), "v=0")).text();
        String impostor = text.replace(ALICE.did(), AgentKeys.generate().did());

        assertEquals(ClientError.Kind.INVALID_SIGNATURE, new Frames(BOB).read(impostor).error().kind());
    }

    @Test
    void aFrameThatIsNoEnvelopeIsRefusedAsMalformed() {
        Frames.Received notJson = new Frames(BOB).read("{\"type\":");
        Frames.Received noSdp = new Frames(BOB).read("{\"id\":\"1\",\"timestamp\":\"2026-01-12T10:00:00Z\",\"from\":\""
                + ALICE.did() + "\",\"to\":\"" + BOB.did() + "\",\"type\":\"OFFER\",\"payload\":{},\"signature\":\"x\"}");

        assertEquals(ClientError.Kind.MALFORMED_FRAME, notJson.error().kind());
        assertEquals(ClientError.Kind.MALFORMED_FRAME, noSdp.error().kind());
        assertTrue(noSdp.error().message().contains("payload.sdp"), noSdp.error().message());
    }

    @Test
    void theGatewaysPublicKeyMustBeTheKeyOfItsDid() {
        assertTrue(Frames.isKeyOf(ALICE.did(), ALICE.publicKeyBase58()));
        assertTrue(!Frames.isKeyOf(ALICE.did(), BOB.publicKeyBase58()));
        assertTrue(!Frames.isKeyOf(ALICE.did(), "0OIl"));
    }
}
