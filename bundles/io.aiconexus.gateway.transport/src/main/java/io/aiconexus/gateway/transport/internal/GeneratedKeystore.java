package io.aiconexus.gateway.transport.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The self-signed keystore in the data directory: {@code tls/gateway.p12} and its password in
 * {@code tls/gateway.p12.password}, both owner-only. Made on first start, reused after, so clients
 * that pinned or trusted the certificate keep working across restarts; made anew only once it expired.
 */
final class GeneratedKeystore {
    static final String DIRECTORY = "tls";
    static final String KEYSTORE = "gateway.p12";
    static final String PASSWORD = "gateway.p12.password";
    private static final Logger LOG = LoggerFactory.getLogger(GeneratedKeystore.class);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private GeneratedKeystore() {
    }

    /** @throws IllegalStateException when the files exist but cannot be used, or cannot be written */
    static ServerKeystore loadOrCreate(Path directory, String listenHost) {
        Path keystore = directory.resolve(KEYSTORE);
        Path passwordFile = directory.resolve(PASSWORD);
        if (Files.exists(keystore) && Files.exists(passwordFile)) {
            ServerKeystore existing = ServerKeystore.load(keystore, "PKCS12", readPassword(passwordFile));
            try {
                existing.certificate().checkValidity();
                LOG.info("TLS certificate {} (SHA-256 {}) valid until {}", keystore, existing.fingerprint(),
                        existing.certificate().getNotAfter().toInstant());
                return existing;
            } catch (CertificateExpiredException | CertificateNotYetValidException expired) {
                LOG.info("the self-signed TLS certificate in {} is no longer valid ({}): making a new one", keystore,
                        expired.getMessage());
            }
        } else if (Files.exists(keystore) || Files.exists(passwordFile)) {
            LOG.warn("{} lacks {}: a keystore without its password cannot be opened; making a new certificate",
                    directory, Files.exists(keystore) ? PASSWORD : KEYSTORE);
        }
        return create(directory, listenHost);
    }

    private static ServerKeystore create(Path directory, String listenHost) {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path keystore = directory.resolve(KEYSTORE);
        try {
            KeyStore store = SelfSignedCertificate.create("AIConexus Gateway", SelfSignedCertificate.localNames(listenHost),
                    password.toCharArray());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            store.store(bytes, password.toCharArray());
            createPrivateDirectory(directory);
            // The password first: a crash in between leaves a password without a keystore, which is made anew.
            writePrivately(directory.resolve(PASSWORD), (password + "\n").getBytes(StandardCharsets.US_ASCII));
            writePrivately(keystore, bytes.toByteArray());
            ServerKeystore created = new ServerKeystore(store, password, keystore.toAbsolutePath().toString());
            LOG.info("made a self-signed TLS certificate for {} (SHA-256 {}), kept in {}; clients must trust it or "
                    + "configure keystorePath", SelfSignedCertificate.localNames(listenHost), created.fingerprint(),
                    keystore.toAbsolutePath());
            return created;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the self-signed TLS keystore in " + directory.toAbsolutePath()
                    + ": " + e.getMessage(), e);
        }
    }

    private static String readPassword(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the TLS keystore password " + file.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
    }

    private static void createPrivateDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (POSIX) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(directory);
        }
    }

    /** Written under a temporary name created owner-only, then moved: never readable by others, never torn. */
    private static void writePrivately(Path file, byte[] content) throws IOException {
        Path temp = POSIX
                ? Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.write(temp, content);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        if (!POSIX) {
            LOG.warn("{} is on a file system without POSIX permissions: restrict access to it yourself", file);
        }
    }
}
