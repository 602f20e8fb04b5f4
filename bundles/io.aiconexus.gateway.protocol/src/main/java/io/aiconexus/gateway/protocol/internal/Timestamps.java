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
 * UTC: the seed's Python SDK sends naive UTC), any fraction of a second up to nanoseconds, {@code T}
 * or a space between date and time (Python's {@code str(datetime)}). Written: UTC with microseconds
 * and {@code Z}, e.g. {@code 2026-01-12T10:00:00.123456Z}.
 *
 * <p>Every frame has a timestamp, and {@link DateTimeFormatter} costs about as much as the rest of
 * the parse: the shapes clients send are read by hand, the formatter handles the rest.
 */
final class Timestamps {
    /** Longer than any ISO-8601 date-time with a zone: refuse before handing it to the parser. */
    private static final int MAX_LENGTH = 64;
    private static final int[] NANOS_SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};
    private static final DateTimeFormatter WRITE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** The instant {@code text} names, or null when it is not an ISO-8601 date-time. */
    static Instant parse(String text) {
        if (text.length() < 16 || text.length() > MAX_LENGTH) {
            return null;
        }
        try {
            Instant common = parseCommon(text);
            return common != null ? common : parseAny(text);
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    static String format(Instant instant) {
        return WRITE.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}][Z|±HH:MM]}, or null for any other shape. */
    private static Instant parseCommon(String s) {
        int n = s.length();
        if (n < 19 || !digits(s, 0, 4) || s.charAt(4) != '-' || !digits(s, 5, 7) || s.charAt(7) != '-'
                || !digits(s, 8, 10) || "Tt ".indexOf(s.charAt(10)) < 0 || !digits(s, 11, 13) || s.charAt(13) != ':'
                || !digits(s, 14, 16) || s.charAt(16) != ':' || !digits(s, 17, 19)) {
            return null;
        }
        int pos = 19;
        int nanos = 0;
        if (pos < n && s.charAt(pos) == '.') {
            int start = ++pos;
            while (pos < n && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                pos++;
            }
            if (pos == start || pos - start > 9) {
                return null;
            }
            nanos = Integer.parseInt(s, start, pos, 10) * NANOS_SCALE[pos - start];
        }
        ZoneOffset offset;
        if (pos == n) {
            offset = ZoneOffset.UTC;
        } else if (pos + 1 == n && (s.charAt(pos) == 'Z' || s.charAt(pos) == 'z')) {
            offset = ZoneOffset.UTC;
        } else if (pos + 6 == n && (s.charAt(pos) == '+' || s.charAt(pos) == '-') && digits(s, pos + 1, pos + 3)
                && s.charAt(pos + 3) == ':' && digits(s, pos + 4, pos + 6)) {
            int seconds = number(s, pos + 1, pos + 3) * 3600 + number(s, pos + 4, pos + 6) * 60;
            offset = ZoneOffset.ofTotalSeconds(s.charAt(pos) == '-' ? -seconds : seconds);
        } else {
            return null;
        }
        return LocalDateTime.of(number(s, 0, 4), number(s, 5, 7), number(s, 8, 10), number(s, 11, 13),
                number(s, 14, 16), number(s, 17, 19), nanos).toInstant(offset);
    }

    private static Instant parseAny(String text) {
        String iso = text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(iso);
        ZoneOffset offset = parsed.query(TemporalQueries.offset());
        return LocalDateTime.from(parsed).toInstant(offset == null ? ZoneOffset.UTC : offset);
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String s, int from, int to) {
        return Integer.parseInt(s, from, to, 10);
    }
}
