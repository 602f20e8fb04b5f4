package io.aiconexus.gateway.protocol.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;

/**
 * Envelope timestamps. Read: ISO-8601 date and time, a zone offset or {@code Z} optional (none means
 * UTC: the seed's Python SDK sends naive UTC), any fraction of a second, {@code T} or a space
 * between date and time (Python's {@code str(datetime)}). Written: UTC with microseconds and
 * {@code Z}, e.g. {@code 2026-01-12T10:00:00.123456Z}.
 */
final class Timestamps {
    /** Longer than any ISO-8601 date-time with a zone: refuse before handing it to the parser. */
    private static final int MAX_LENGTH = 64;
    private static final DateTimeFormatter WRITE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** The instant {@code text} names, or null when it is not an ISO-8601 date-time. */
    static Instant parse(String text) {
        if (text.length() < 16 || text.length() > MAX_LENGTH) {
            return null;
        }
        String iso = text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(iso);
            ZoneOffset offset = parsed.query(TemporalQueries.offset());
            LocalDateTime local = LocalDateTime.from(parsed);
            return local.toInstant(offset == null ? ZoneOffset.UTC : offset);
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    static String format(Instant instant) {
        return WRITE.format(instant.truncatedTo(ChronoUnit.MICROS));
    }
}
