package io.aiconexus.gateway.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Our hashes against the Web Console's own password check (its package-private Password class). */
class PasswordHashTest {

    @Test
    void generatedPasswordsAreLongUnambiguousAndDifferent() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String password = PasswordHash.generate();
            assertTrue(password.matches("[A-HJ-NP-Za-km-z2-9]{20}"), password);
            seen.add(password);
        }
        assertEquals(100, seen.size());
    }

    @Test
    void hashIsSaltedAndIteratedInTheConsoleFormat() {
        String hash = PasswordHash.hash("s3cret");
        assertTrue(hash.matches("\\{sha-256\\}[0-9a-f]{16}-1000-[A-Za-z0-9+/]{43}="), hash);
        assertFalse(hash.contains("s3cret"));
        assertTrue(PasswordHash.matches(hash, "s3cret"));
        assertFalse(PasswordHash.matches(hash, "s3cret "));
        assertFalse(hash.equals(PasswordHash.hash("s3cret")), "a fresh salt each time");
    }

    @Test
    void theWebConsoleAcceptsOurHash() throws Exception {
        String hash = PasswordHash.hash("correct horse");
        assertTrue(felixMatches(hash, "correct horse"));
        assertFalse(felixMatches(hash, "correct horse!"));
    }

    @Test
    void weAcceptTheWebConsolesHashes() throws Exception {
        Method hashPassword = felixPassword().getDeclaredMethod("hashPassword", String.class);
        hashPassword.setAccessible(true);
        String hash = (String) hashPassword.invoke(null, "typed in the console");
        assertTrue(PasswordHash.matches(hash, "typed in the console"));
        assertFalse(PasswordHash.matches(hash, "something else"));
        assertTrue(PasswordHash.matches(ConsolePassword.WELL_KNOWN_DEFAULT, "admin"), "the unsalted form");
        assertTrue(PasswordHash.matches("plain", "plain"), "a password the console has not hashed yet");
        assertTrue(PasswordHash.matches(PasswordHash.hash("x", "0011223344556677", 1), "x"), "salted, one round");
    }

    @Test
    void theLockedPlaceholderAdmitsNobody() throws Exception {
        for (String attempt : new String[] { "", "!locked!", "{sha-256}!locked!", "admin" }) {
            assertFalse(felixMatches(ConsolePassword.LOCKED, attempt), attempt);
        }
        assertTrue(felixMatches(ConsolePassword.WELL_KNOWN_DEFAULT, "admin"), "the constant is the console's default");
    }

    private static boolean felixMatches(String stored, String attempt) throws Exception {
        Constructor<?> constructor = felixPassword().getDeclaredConstructor(String.class);
        constructor.setAccessible(true);
        Object password = constructor.newInstance(stored);
        Method matches = felixPassword().getDeclaredMethod("matches", byte[].class);
        matches.setAccessible(true);
        return (Boolean) matches.invoke(password, (Object) attempt.getBytes(StandardCharsets.UTF_8));
    }

    private static Class<?> felixPassword() throws ClassNotFoundException {
        return Class.forName("org.apache.felix.webconsole.internal.servlet.Password");
    }
}
