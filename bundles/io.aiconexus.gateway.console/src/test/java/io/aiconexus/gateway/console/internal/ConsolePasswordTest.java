package io.aiconexus.gateway.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Dictionary;
import java.util.Hashtable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

class ConsolePasswordTest {
    @TempDir
    Path data;

    /** The console's configuration, as Config Admin holds it. */
    private Hashtable<String, Object> stored;

    @Test
    void firstStartGeneratesStoresOwnerOnlyAndConfiguresTheHash() throws Exception {
        ConsolePassword password = start(null);

        String generated = password.generated().orElseThrow();
        Path file = data.resolve(ConsolePassword.FILE_NAME);
        assertEquals(generated, Files.readString(file, StandardCharsets.UTF_8).strip());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String hash = (String) stored.get(ConsolePassword.PASSWORD);
        assertTrue(PasswordHash.matches(hash, generated));
        assertFalse(hash.contains(generated));
        assertEquals("admin", password.username());
        try (var files = Files.list(data)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void laterStartsKeepThePasswordAndShowNothing() throws Exception {
        String generated = start(null).generated().orElseThrow();
        String hash = (String) stored.get(ConsolePassword.PASSWORD);

        ConsolePassword again = start(null);

        assertTrue(again.generated().isEmpty());
        assertEquals(hash, stored.get(ConsolePassword.PASSWORD));
        assertEquals(generated, Files.readString(data.resolve(ConsolePassword.FILE_NAME)).strip());
    }

    @Test
    void aLostConfigurationIsRestoredFromTheFileWithoutShowingIt() throws Exception {
        String generated = start(null).generated().orElseThrow();
        stored = null;

        ConsolePassword again = start(null);

        assertTrue(again.generated().isEmpty());
        assertTrue(PasswordHash.matches((String) stored.get(ConsolePassword.PASSWORD), generated));
    }

    @Test
    void theConsolesBuiltInPasswordIsReplaced() throws Exception {
        stored = new Hashtable<>();
        stored.put(ConsolePassword.USERNAME, "operator");
        stored.put(ConsolePassword.PASSWORD, ConsolePassword.WELL_KNOWN_DEFAULT);

        ConsolePassword password = start(null);

        String generated = password.generated().orElseThrow();
        assertFalse(PasswordHash.matches((String) stored.get(ConsolePassword.PASSWORD), "admin"));
        assertTrue(PasswordHash.matches((String) stored.get(ConsolePassword.PASSWORD), generated));
        assertEquals("operator", password.username());
        assertEquals("operator", stored.get(ConsolePassword.USERNAME), "other settings are kept");
    }

    @Test
    void anOperatorsPasswordIsKeptAndTheStaleFileRemoved() throws Exception {
        start(null);
        stored.put(ConsolePassword.PASSWORD, PasswordHash.hash("chosen by the operator"));
        Hashtable<String, Object> before = new Hashtable<>(stored);

        ConsolePassword password = start(null);

        assertTrue(password.generated().isEmpty());
        assertEquals(before, stored);
        assertFalse(Files.exists(data.resolve(ConsolePassword.FILE_NAME)), "it no longer holds the password");
    }

    @Test
    void aPasswordGivenAsFrameworkPropertyIsRespected() throws Exception {
        ConsolePassword password = start(PasswordHash.hash("from -Dfelix.webconsole.password"));

        assertTrue(password.generated().isEmpty());
        assertNull(stored);
        assertFalse(Files.exists(data.resolve(ConsolePassword.FILE_NAME)));
    }

    @Test
    void theRuntimesLockedPlaceholderIsNotAPassword() throws Exception {
        ConsolePassword password = start(ConsolePassword.LOCKED);

        assertTrue(password.generated().isPresent());
    }

    private ConsolePassword start(String frameworkPassword) {
        return new ConsolePassword(configurationAdmin(), data.resolve(ConsolePassword.FILE_NAME), frameworkPassword, null);
    }

    @SuppressWarnings("unchecked")
    private ConfigurationAdmin configurationAdmin() {
        Configuration configuration = (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { Configuration.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getPid" -> ConsolePassword.WEBCONSOLE_PID;
                    case "getProperties" -> stored == null ? null : new Hashtable<>(stored);
                    case "update" -> {
                        stored = new Hashtable<>();
                        Dictionary<String, Object> properties = (Dictionary<String, Object>) args[0];
                        for (var keys = properties.keys(); keys.hasMoreElements();) {
                            String key = keys.nextElement();
                            stored.put(key, properties.get(key));
                        }
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { ConfigurationAdmin.class }, (proxy, method, args) -> {
                    if (method.getName().equals("getConfiguration") && ConsolePassword.WEBCONSOLE_PID.equals(args[0])) {
                        return configuration;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
