package io.aiconexus.gateway.transport;

/** What became of a frame handed to {@link Connection#send(String)}. */
public enum SendResult {
    /** Queued; it will be written in order after the frames queued before it. */
    QUEUED,
    /** The outbound queue is full: the frame was not queued. */
    FULL,
    /** The connection is closed or closing: the frame was not queued. */
    CLOSED
}
