package io.aiconexus.gateway.metrics.internal;

import java.util.List;
import java.util.function.Consumer;

import io.aiconexus.gateway.mailbox.Mailboxes;
import io.aiconexus.gateway.mailbox.StoredFrame;

/** Mailboxes that only report how much they keep. */
record KeptMailboxes(int openMailboxes, long keptFrames) implements Mailboxes {

    @Override
    public void open(String did) {
        throw new AssertionError("the metrics endpoint only reads how much mailboxes keep");
    }

    @Override
    public List<StoredFrame> discard(String did) {
        throw new AssertionError("the metrics endpoint only reads how much mailboxes keep");
    }

    @Override
    public boolean isOpen(String did) {
        return false;
    }

    @Override
    public Offer offer(String did, StoredFrame frame) {
        return Offer.NO_MAILBOX;
    }

    @Override
    public int deliver(String did, Consumer<StoredFrame> delivery) {
        return 0;
    }
}
