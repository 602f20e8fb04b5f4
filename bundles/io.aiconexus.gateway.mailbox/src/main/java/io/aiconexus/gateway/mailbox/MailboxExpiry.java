package io.aiconexus.gateway.mailbox;

import org.osgi.annotation.versioning.ConsumerType;

/** Told of each frame whose mailbox's grace period ended before its recipient came back. */
@ConsumerType
public interface MailboxExpiry {

    /** {@code frame}, kept for {@code recipient}, will not be delivered. */
    void expired(String recipient, StoredFrame frame);
}
