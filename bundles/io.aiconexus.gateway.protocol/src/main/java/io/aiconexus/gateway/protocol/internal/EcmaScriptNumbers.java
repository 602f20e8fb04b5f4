package io.aiconexus.gateway.protocol.internal;

/**
 * Numbers as ECMAScript's {@code Number.prototype.toString} prints them, which is how RFC 8785
 * (section 3.2.2.3) serializes every JSON number.
 */
final class EcmaScriptNumbers {
    /** 2^53: every integer up to here is a double, and prints as itself. */
    static final long MAX_SAFE = 1L << 53;

    private EcmaScriptNumbers() {
    }

    /**
     * The JCS text of {@code value}.
     *
     * @throws IllegalArgumentException for NaN and the infinities, which JSON cannot carry
     */
    static String toString(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("RFC 8785 has no form for " + value);
        }
        if (value == 0) {
            return "0"; // -0 included
        }
        if (value == Math.rint(value) && Math.abs(value) <= MAX_SAFE) {
            return Long.toString((long) value);
        }
        ShortestDecimal decimal = ShortestDecimal.of(Math.abs(value));
        StringBuilder text = new StringBuilder(32);
        if (value < 0) {
            text.append('-');
        }
        appendPositive(text, decimal.digits(), decimal.exponent());
        return text.toString();
    }

    /** ECMA-262 Number::toString steps 6 to 10, with k digits and decimal point position n. */
    private static void appendPositive(StringBuilder text, String digits, int n) {
        int k = digits.length();
        if (k <= n && n <= 21) {
            text.append(digits);
            appendZeros(text, n - k);
        } else if (0 < n && n <= 21) {
            text.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            text.append("0.");
            appendZeros(text, -n);
            text.append(digits);
        } else {
            text.append(digits.charAt(0));
            if (k > 1) {
                text.append('.').append(digits, 1, k);
            }
            int exponent = n - 1;
            text.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        }
    }

    static void appendZeros(StringBuilder text, int count) {
        for (int i = 0; i < count; i++) {
            text.append('0');
        }
    }
}
