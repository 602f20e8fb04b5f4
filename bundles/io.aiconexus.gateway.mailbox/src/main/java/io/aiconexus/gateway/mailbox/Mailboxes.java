package io.aiconexus.gateway.mailbox;

import java.util.List;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Mailboxes of agents that dropped without UNREGISTER (PROTOCOL.md section 11). A mailbox opens
 * when such an agent's connection closes, keeps the frames sent to it in order (bounded, on
 * disk, so a gateway restart loses none), hands them over when the agent registers again, and
 * at the end of the grace period gives each undelivered frame back to the expiry listener so
 * its sender can be told TIMEOUT.
 */
@ProviderType
public interface Mailboxes {

    /** What became of a frame offered to a mailbox. */
    enum Offer {
        /** Kept; it will be delivered or expire. */
        STORED,
        /** The mailbox is full: the frame was not kept. */
        FULL,
        /** No mailbox is open for that DID. */
        NO_MAILBOX
    }

    /** Opens (or keeps open, restarting its grace period) the mailbox of {@code did}. */
    void open(String did);

    /** Discards the mailbox of {@code did}, if any, without delivering (the agent left for good). */
    List<StoredFrame> discard(String did);

    /** Whether a mailbox is open for {@code did} (cheap: called for every routed frame). */
    boolean isOpen(String did);

    /** Keeps {@code frame} for {@code did} if its mailbox is open. */
    Offer offer(String did, StoredFrame frame);

    /**
     * Hands every kept frame of {@code did} to {@code delivery}, in the order received, and
     * closes the mailbox. Frames offered while this runs are handed over too, after the others,
     * so per-sender order holds across the hand-over.
     *
     * @return the number of frames handed over
     */
    int deliver(String did, Consumer<StoredFrame> delivery);

    /**
     * Mailboxes open now: agents that dropped without UNREGISTER, still within their grace period.
     *
     * @since 1.1
     */
    int openMailboxes();

    /**
     * Frames kept now, summed over the open mailboxes.
     *
     * @since 1.1
     */
    long keptFrames();
}
