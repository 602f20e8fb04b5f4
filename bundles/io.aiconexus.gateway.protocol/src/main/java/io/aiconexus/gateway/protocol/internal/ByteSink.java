package io.aiconexus.gateway.protocol.internal;

import java.util.Arrays;

/**
 * A growable byte buffer without the locking of {@link java.io.ByteArrayOutputStream}: canonical
 * bytes are written on every signed frame, one byte at a time.
 */
final class ByteSink {
    private byte[] bytes;
    private int size;

    ByteSink(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    void write(int b) {
        if (size == bytes.length) {
            grow(1);
        }
        bytes[size++] = (byte) b;
    }

    /** Writes a string known to be ASCII (numbers, literals, escapes). */
    void writeAscii(String ascii) {
        int length = ascii.length();
        if (size + length > bytes.length) {
            grow(length);
        }
        for (int i = 0; i < length; i++) {
            bytes[size++] = (byte) ascii.charAt(i);
        }
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void grow(int needed) {
        long wanted = Math.max((long) bytes.length * 2, (long) size + needed);
        if (wanted > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("canonical form larger than 2 GiB");
        }
        bytes = Arrays.copyOf(bytes, (int) wanted);
    }
}
