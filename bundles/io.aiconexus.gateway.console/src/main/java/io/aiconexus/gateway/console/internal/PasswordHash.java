package io.aiconexus.gateway.console.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Console passwords: generation, and the salted hash format of Felix Web Console 5
 * ({@code {sha-256}SALT-ITERATIONS-BASE64}, SHA-256 applied ITERATIONS times to SALT followed by the
 * password), so that only the hash is ever stored in the console's configuration.
 */
final class PasswordHash {
    static final int ITERATIONS = 1000;
    private static final String PREFIX = "{sha-256}";
    // no look-alikes (0/O, 1/l/I), nothing a shell or a .cfg file treats specially
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final int LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    /** A new random password: 20 characters from 57, about 117 bits. */
    static String generate() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return password.toString();
    }

    static String hash(String password) {
        byte[] salt = new byte[8];
        RANDOM.nextBytes(salt);
        return hash(password, HexFormat.of().formatHex(salt), ITERATIONS);
    }

    static String hash(String password, String salt, int iterations) {
        // the console writes the iteration count only when it is more than one
        return PREFIX + salt + "-" + (iterations > 1 ? iterations + "-" : "")
                + Base64.getEncoder().encodeToString(digest(salt + password, iterations));
    }

    /**
     * Whether {@code password} matches {@code stored}: a SHA-256 hash in the console's format
     * (salted or not), or a plain-text password the console has not hashed yet.
     */
    static boolean matches(String stored, String password) {
        if (!stored.startsWith(PREFIX)) {
            return !stored.startsWith("{") && MessageDigest.isEqual(utf8(stored), utf8(password));
        }
        String[] parts = stored.substring(PREFIX.length()).split("-", 3);
        String expected;
        try {
            expected = switch (parts.length) {
                case 1 -> PREFIX + Base64.getEncoder().encodeToString(digest(password, 1));
                case 2 -> hash(password, parts[0], 1);
                default -> hash(password, parts[0], Integer.parseInt(parts[1]));
            };
        } catch (NumberFormatException e) {
            return false;
        }
        return MessageDigest.isEqual(utf8(expected), utf8(stored));
    }

    private static byte[] digest(String text, int iterations) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] bytes = utf8(text);
            for (int i = 0; i < iterations; i++) {
                sha256.reset();
                bytes = sha256.digest(bytes);
            }
            return bytes;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
