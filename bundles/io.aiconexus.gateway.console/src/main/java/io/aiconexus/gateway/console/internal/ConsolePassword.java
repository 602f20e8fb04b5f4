package io.aiconexus.gateway.console.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the Web Console a password of its own instead of the well-known admin/admin. The password
 * lives where the console keeps it, in the console's own configuration ({@value #WEBCONSOLE_PID},
 * property {@code password}, stored hashed), so it is changed on the console's Configuration page or
 * with a .cfg file like any other setting. When that configuration has no password, or only the
 * console's built-in one, a password is generated, written to {@value #FILE_NAME} in the data
 * directory (readable by its owner only) and its hash configured; {@link ConsoleBanner} prints it
 * once. When the operator later sets another password, the file is removed at the next start.
 */
@Component(service = ConsolePassword.class, immediate = true)
public class ConsolePassword {
    static final String WEBCONSOLE_PID = "org.apache.felix.webconsole.internal.servlet.OsgiManager";
    static final String PASSWORD = "password";
    static final String USERNAME = "username";
    static final String FILE_NAME = "console-password";
    static final String DATA_DIR_PROPERTY = "aiconexus.data";
    static final String FRAMEWORK_PASSWORD = "felix.webconsole.password";
    static final String FRAMEWORK_USERNAME = "felix.webconsole.username";
    /** The hash of "admin", the password the Web Console falls back to. */
    static final String WELL_KNOWN_DEFAULT = "{sha-256}jGl25bVBBBW96Qi9Te4V37Fnqchz/Eu4qB9vKrRIqRg=";
    /**
     * What the runtime sets as framework property {@value #FRAMEWORK_PASSWORD}: a hash that no
     * password matches, so the console admits nobody until this component has configured one.
     */
    static final String LOCKED = "{sha-256}!locked!";
    private static final Logger LOG = LoggerFactory.getLogger(ConsolePassword.class);

    private final Path file;
    private final String username;
    private final String generated;

    @Activate
    public ConsolePassword(@Reference(name = "configurationAdmin") ConfigurationAdmin configurationAdmin,
            BundleContext context) {
        this(configurationAdmin, dataDirectory(context).resolve(FILE_NAME), context.getProperty(FRAMEWORK_PASSWORD),
                context.getProperty(FRAMEWORK_USERNAME));
    }

    ConsolePassword(ConfigurationAdmin configurationAdmin, Path file, String frameworkPassword, String frameworkUsername) {
        this.file = file;
        try {
            Configuration configuration = configurationAdmin.getConfiguration(WEBCONSOLE_PID, "?");
            Dictionary<String, Object> properties = configuration.getProperties();
            Object configuredUser = properties == null ? null : properties.get(USERNAME);
            this.username = configuredUser != null ? configuredUser.toString()
                    : frameworkUsername != null ? frameworkUsername : "admin";
            this.generated = ensurePassword(configuration, properties, frameworkPassword);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the Web Console password (configuration " + WEBCONSOLE_PID
                    + ", file " + file + ")", e);
        }
    }

    private String ensurePassword(Configuration configuration, Dictionary<String, Object> properties,
            String frameworkPassword) throws IOException {
        Object configured = properties == null ? null : properties.get(PASSWORD);
        if (configured != null && !isBuiltIn(configured.toString())) {
            forgetStaleFile(configured.toString());
            return null;
        }
        if (configured == null && frameworkPassword != null && !isBuiltIn(frameworkPassword)) {
            LOG.info("Web Console password set by framework property {}", FRAMEWORK_PASSWORD);
            return null;
        }
        boolean fresh = !Files.exists(file);
        String password = fresh ? PasswordHash.generate() : Files.readString(file, StandardCharsets.UTF_8).strip();
        if (fresh) {
            writeOwnerOnly(file, password);
        }
        Dictionary<String, Object> updated = properties == null ? new Hashtable<>() : properties;
        updated.put(PASSWORD, PasswordHash.hash(password));
        configuration.update(updated);
        LOG.info("Web Console password {} {}: configured (hashed) in {}", fresh ? "generated into" : "taken from",
                file, WEBCONSOLE_PID);
        return fresh ? password : null;
    }

    private void forgetStaleFile(String configured) throws IOException {
        if (Files.exists(file) && !PasswordHash.matches(configured, Files.readString(file, StandardCharsets.UTF_8).strip())) {
            Files.delete(file);
            LOG.info("The Web Console password was changed: removed {}, which held the generated one", file);
        }
    }

    static boolean isBuiltIn(String password) {
        return password.isBlank() || password.equals(WELL_KNOWN_DEFAULT) || password.equals(LOCKED);
    }

    /** The password generated at this start, to be shown once; empty when none was generated. */
    public Optional<String> generated() {
        return Optional.ofNullable(generated);
    }

    public String username() {
        return username;
    }

    /** Where a generated password is kept. */
    public Path file() {
        return file;
    }

    static Path dataDirectory(BundleContext context) {
        String dataDir = context.getProperty(DATA_DIR_PROPERTY);
        return Path.of(dataDir == null || dataDir.isBlank() ? "data" : dataDir);
    }

    private static void writeOwnerOnly(Path file, String password) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temporary;
        try {
            temporary = Files.createTempFile(dir, FILE_NAME, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            temporary = Files.createTempFile(dir, FILE_NAME, ".tmp");
        }
        try {
            Files.writeString(temporary, password + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
