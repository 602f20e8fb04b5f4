package io.aiconexus.gateway.protocol.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The shortest decimal that reads back as a given double, as both ECMAScript's
 * {@code Number.prototype.toString} and Python's {@code repr(float)} choose it: fewest significant
 * digits first, then the candidate nearest to the exact binary value, then an even last digit.
 *
 * <p>JDK 17's {@code Double.toString} is not always shortest (it was fixed in JDK 19), so the digits
 * are searched here: for each precision the two neighbours of the exact value are tried; any
 * decimal of that precision that round-trips implies one of the two neighbours does, because the
 * set of decimals that round-trip is an interval around the value.
 *
 * @param digits   the significant digits, no leading or trailing zeros
 * @param exponent the decimal point position: the value is {@code 0.digits × 10^exponent}
 */
record ShortestDecimal(String digits, int exponent) {
    private static final int MAX_DIGITS = 17;
    private static final MathContext[] DOWN = contexts(RoundingMode.DOWN);
    private static final MathContext[] UP = contexts(RoundingMode.UP);

    /** The shortest decimal of a finite value greater than zero. */
    static ShortestDecimal of(double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("not a finite positive double: " + value);
        }
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision <= MAX_DIGITS; precision++) {
            BigDecimal down = exact.round(DOWN[precision]);
            BigDecimal up = exact.round(UP[precision]);
            boolean downReadsBack = down.doubleValue() == value;
            boolean upReadsBack = up.doubleValue() == value;
            if (downReadsBack && upReadsBack) {
                return from(nearer(exact, down, up));
            }
            if (downReadsBack) {
                return from(down);
            }
            if (upReadsBack) {
                return from(up);
            }
        }
        // Seventeen significant digits always identify a double, so the loop has returned.
        throw new IllegalStateException("no decimal reads back as " + value);
    }

    private static BigDecimal nearer(BigDecimal exact, BigDecimal down, BigDecimal up) {
        int comparison = exact.subtract(down).compareTo(up.subtract(exact));
        if (comparison != 0) {
            return comparison < 0 ? down : up;
        }
        return down.unscaledValue().testBit(0) ? up : down;
    }

    private static ShortestDecimal from(BigDecimal decimal) {
        BigDecimal stripped = decimal.stripTrailingZeros();
        String digits = stripped.unscaledValue().toString();
        return new ShortestDecimal(digits, digits.length() - stripped.scale());
    }

    private static MathContext[] contexts(RoundingMode mode) {
        MathContext[] contexts = new MathContext[MAX_DIGITS + 1];
        for (int precision = 1; precision <= MAX_DIGITS; precision++) {
            contexts[precision] = new MathContext(precision, mode);
        }
        return contexts;
    }
}
