package io.aiconexus.gateway.protocol.internal;

/**
 * Floats as Python 3's {@code json.dumps} prints them: {@code repr(float)}, plus {@code Infinity},
 * {@code -Infinity} and {@code NaN} for the values JSON cannot carry (Python writes them anyway).
 */
final class PythonFloats {

    private PythonFloats() {
    }

    /** {@code float.__repr__}: shortest digits; fixed notation for decimal exponents -4 to 15. */
    static String repr(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        boolean negative = (Double.doubleToRawLongBits(value) & Long.MIN_VALUE) != 0;
        if (value == 0) {
            return negative ? "-0.0" : "0.0";
        }
        ShortestDecimal decimal = ShortestDecimal.of(Math.abs(value));
        StringBuilder text = new StringBuilder(32);
        if (negative) {
            text.append('-');
        }
        String digits = decimal.digits();
        int point = decimal.exponent();
        int k = digits.length();
        // CPython's format_float_short in mode 'r': exponent notation when decpt <= -4 or > 16.
        if (-4 < point && point <= 16) {
            if (point <= 0) {
                text.append("0.");
                EcmaScriptNumbers.appendZeros(text, -point);
                text.append(digits);
            } else if (point >= k) {
                text.append(digits);
                EcmaScriptNumbers.appendZeros(text, point - k);
                text.append(".0");
            } else {
                text.append(digits, 0, point).append('.').append(digits, point, k);
            }
        } else {
            text.append(digits.charAt(0));
            if (k > 1) {
                text.append('.').append(digits, 1, k);
            }
            int exponent = point - 1;
            text.append('e').append(exponent < 0 ? '-' : '+');
            if (Math.abs(exponent) < 10) {
                text.append('0');
            }
            text.append(Math.abs(exponent));
        }
        return text.toString();
    }
}
