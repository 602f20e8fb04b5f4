package io.aiconexus.gateway.verification;

import org.osgi.annotation.versioning.ProviderType;

import io.aiconexus.gateway.identity.DidKey;
import io.aiconexus.gateway.protocol.Envelope;

/**
 * Decides whether a frame may be acted on: its signature, its timestamp against the replay
 * window, and whether its id was already seen from the same sender. Every frame passes here
 * before anything acts on it.
 */
@ProviderType
public interface FrameVerifier {

    VerificationMode mode();

    /**
     * Verifies {@code envelope}, signed by {@code signer} (the key of its {@code from}).
     * Records the id as seen when the frame is accepted.
     */
    Verdict verify(Envelope envelope, DidKey signer);
}
