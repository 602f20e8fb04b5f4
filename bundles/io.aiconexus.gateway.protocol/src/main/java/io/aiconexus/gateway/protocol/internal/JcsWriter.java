package io.aiconexus.gateway.protocol.internal;

import java.util.Comparator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * RFC 8785: keys in UTF-16 code unit order, strings as UTF-8 with only {@code "}, {@code \} and
 * the C0 controls escaped, every number through IEEE-754 double as ECMAScript prints it.
 */
final class JcsWriter extends CanonicalWriter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    JcsWriter() {
        super(Comparator.naturalOrder()); // String.compareTo compares UTF-16 code units
    }

    @Override
    protected void writeString(String text) {
        out.write('"');
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                writeAscii(c);
            } else if (c < 0x800) {
                out.write(0xc0 | (c >> 6));
                out.write(0x80 | (c & 0x3f));
            } else if (!Character.isSurrogate(c)) {
                out.write(0xe0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3f));
                out.write(0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                out.write(0xf0 | (codePoint >> 18));
                out.write(0x80 | ((codePoint >> 12) & 0x3f));
                out.write(0x80 | ((codePoint >> 6) & 0x3f));
                out.write(0x80 | (codePoint & 0x3f));
            } else {
                // I-JSON (RFC 7493), which RFC 8785 builds on, has no lone surrogates: no UTF-8 for them.
                throw new IllegalArgumentException("RFC 8785 has no form for a lone surrogate at index " + i);
            }
        }
        out.write('"');
    }

    private void writeAscii(char c) {
        switch (c) {
            case '"' -> out.writeAscii("\\\"");
            case '\\' -> out.writeAscii("\\\\");
            case '\b' -> out.writeAscii("\\b");
            case '\t' -> out.writeAscii("\\t");
            case '\n' -> out.writeAscii("\\n");
            case '\f' -> out.writeAscii("\\f");
            case '\r' -> out.writeAscii("\\r");
            default -> {
                if (c < 0x20) {
                    out.writeAscii("\\u00");
                    out.write(HEX[c >> 4]);
                    out.write(HEX[c & 0xf]);
                } else {
                    out.write(c);
                }
            }
        }
    }

    @Override
    protected void writeNumber(JsonNode number) {
        if (number.isIntegralNumber() && number.canConvertToLong()) {
            long value = number.longValue();
            if (value >= -EcmaScriptNumbers.MAX_SAFE && value <= EcmaScriptNumbers.MAX_SAFE) {
                out.writeAscii(Long.toString(value));
                return;
            }
        }
        // Beyond 2^53 integers lose digits, exactly as a JavaScript verifier would lose them.
        double value = number.isIntegralNumber() ? number.bigIntegerValue().doubleValue() : doubleOf(number);
        out.writeAscii(EcmaScriptNumbers.toString(value));
    }
}
