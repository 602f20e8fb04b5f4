package io.aiconexus.gateway.identity.internal;

import java.util.Arrays;

/**
 * base58btc, the Bitcoin alphabet used by multibase {@code z} and did:key. Each leading zero byte
 * is one leading {@code '1'}, so the encoding is reversible for any byte string.
 *
 * <p>Encoding and decoding are quadratic in the length: callers that decode untrusted text bound
 * its length first.
 */
final class Base58 {
    static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private static final char[] DIGITS = ALPHABET.toCharArray();
    private static final int[] VALUES = new int[128];

    static {
        Arrays.fill(VALUES, -1);
        for (int i = 0; i < DIGITS.length; i++) {
            VALUES[DIGITS[i]] = i;
        }
    }

    private Base58() {
    }

    static String encode(byte[] bytes) {
        int zeros = 0;
        while (zeros < bytes.length && bytes[zeros] == 0) {
            zeros++;
        }
        // log(256) / log(58) < 1.37: room for every base-58 digit of the non-zero part
        char[] digits = new char[zeros + (bytes.length - zeros) * 137 / 100 + 1];
        byte[] number = Arrays.copyOfRange(bytes, zeros, bytes.length);
        int out = digits.length;
        int start = 0;
        while (start < number.length) {
            int remainder = 0;
            for (int i = start; i < number.length; i++) {
                int value = (remainder << 8) | (number[i] & 0xff);
                number[i] = (byte) (value / 58);
                remainder = value % 58;
            }
            digits[--out] = DIGITS[remainder];
            while (start < number.length && number[start] == 0) {
                start++;
            }
        }
        for (int i = 0; i < zeros; i++) {
            digits[--out] = '1';
        }
        return new String(digits, out, digits.length - out);
    }

    /**
     * Decodes {@code text}; the empty string is the empty byte array.
     *
     * @throws IllegalArgumentException naming the first character outside the alphabet and its
     *         position (0, O, I and l are not base58 digits)
     */
    static byte[] decode(CharSequence text) {
        return decode(text, 0);
    }

    /** Decodes {@code text} from index {@code from} on; error positions count from the start of {@code text}. */
    static byte[] decode(CharSequence text, int from) {
        int length = text.length();
        int firstDigit = from;
        while (firstDigit < length && text.charAt(firstDigit) == '1') {
            firstDigit++;
        }
        int zeros = firstDigit - from;
        // log(58) / log(256) < 0.733: room for every byte of the value
        byte[] number = new byte[(length - firstDigit) * 733 / 1000 + 1];
        int used = 0;
        for (int i = firstDigit; i < length; i++) {
            char c = text.charAt(i);
            int carry = c < 128 ? VALUES[c] : -1;
            if (carry < 0) {
                throw new IllegalArgumentException("invalid base58 character " + describe(c) + " at position " + i);
            }
            int j = number.length - 1;
            for (int k = 0; (carry != 0 || k < used) && j >= 0; k++, j--) {
                carry += 58 * (number[j] & 0xff);
                number[j] = (byte) carry;
                carry >>>= 8;
            }
            used = number.length - 1 - j;
        }
        byte[] decoded = new byte[zeros + used];
        System.arraycopy(number, number.length - used, decoded, zeros, used);
        return decoded;
    }

    private static String describe(char c) {
        return c >= 0x21 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
