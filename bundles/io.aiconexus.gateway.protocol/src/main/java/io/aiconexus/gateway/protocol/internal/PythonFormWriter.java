package io.aiconexus.gateway.protocol.internal;

import java.util.Comparator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Python 3's {@code json.dumps(obj, sort_keys=True, separators=(",", ":"))}: keys in code point
 * order, pure ASCII output ({@code ensure_ascii}), integers exactly as written, other numbers as
 * {@code repr(float)}.
 */
final class PythonFormWriter extends CanonicalWriter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /**
     * Python compares str by code point; UTF-16 order differs when an astral character (a surrogate
     * pair) meets a BMP character from U+E000 up. Lone surrogates count as their own code point,
     * as they do in Python.
     */
    private static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    PythonFormWriter() {
        super(CODE_POINT_ORDER);
    }

    @Override
    protected void writeString(String text) {
        out.write('"');
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.writeAscii("\\\"");
                case '\\' -> out.writeAscii("\\\\");
                case '\b' -> out.writeAscii("\\b");
                case '\t' -> out.writeAscii("\\t");
                case '\n' -> out.writeAscii("\\n");
                case '\f' -> out.writeAscii("\\f");
                case '\r' -> out.writeAscii("\\r");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        out.write(c);
                    } else {
                        // One escape per UTF-16 unit: astral characters come out as surrogate pairs.
                        out.writeAscii("\\u");
                        out.write(HEX[c >> 12]);
                        out.write(HEX[(c >> 8) & 0xf]);
                        out.write(HEX[(c >> 4) & 0xf]);
                        out.write(HEX[c & 0xf]);
                    }
                }
            }
        }
        out.write('"');
    }

    @Override
    protected void writeNumber(JsonNode number) {
        if (number.isIntegralNumber()) {
            out.writeAscii(number.canConvertToLong() ? Long.toString(number.longValue())
                    : number.bigIntegerValue().toString());
        } else {
            out.writeAscii(PythonFloats.repr(doubleOf(number)));
        }
    }
}
