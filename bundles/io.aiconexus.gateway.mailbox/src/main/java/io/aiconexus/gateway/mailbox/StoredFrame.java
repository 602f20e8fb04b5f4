package io.aiconexus.gateway.mailbox;

/**
 * A frame kept for an absent agent.
 *
 * @param sender the DID that sent it (who hears TIMEOUT if it is never delivered)
 * @param id     the frame's id
 * @param text   the frame exactly as received
 */
public record StoredFrame(String sender, String id, String text) {
}
