package io.aiconexus.gateway.cli.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.aiconexus.gateway.protocol.Envelope;

/** How the command line shows a received frame: one line a person can read. */
final class FrameFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private FrameFormat() {
    }

    /** {@code [10:00:00.123] OFFER from did:key:z6Mk… id=… {"sdp":"v=0"}}, with {@code re=} for a reply. */
    static String line(Envelope envelope) {
        StringBuilder line = new StringBuilder()
                .append('[').append(TIME.format(java.time.Instant.now())).append("] ")
                .append(envelope.type()).append(" from ").append(envelope.from())
                .append(" id=").append(envelope.id());
        if (envelope.correlationId() != null) {
            line.append(" re=").append(envelope.correlationId());
        }
        return line.append(' ').append(envelope.payload()).toString();
    }
}
