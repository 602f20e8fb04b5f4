package io.aiconexus.gateway.monitoring;

import org.osgi.annotation.versioning.ProviderType;

import io.aiconexus.gateway.protocol.ErrorCode;
import io.aiconexus.gateway.protocol.MessageType;

/** The gateway's counters. Cheap enough to call on every frame. */
@ProviderType
public interface GatewayMetrics {

    /** A frame of {@code type} arrived from an agent ({@code null} when it could not be parsed). */
    void frameIn(MessageType type);

    /** A frame of {@code type} was queued for an agent (relayed or sent by the gateway). */
    void frameOut(MessageType type);

    /** The gateway answered with an ERROR of {@code code}. */
    void error(ErrorCode code);

    void registration();

    /** A frame failed verification for {@code reason} (stale, replayed, bad_signature, from_mismatch, key_mismatch). */
    void verificationFailure(String reason);

    /** A frame was routed from one agent to another; {@code nanos} from arrival to queueing. */
    void routed(long nanos);

    /**
     * The verifier took {@code nanos} to decide on one frame (signature, replay window), whatever it
     * decided. The default ignores it, for implementations that keep no histogram.
     *
     * @since 1.1
     */
    default void verified(long nanos) {
    }

    /** A consistent copy of the counters. */
    MetricsSnapshot snapshot();
}
