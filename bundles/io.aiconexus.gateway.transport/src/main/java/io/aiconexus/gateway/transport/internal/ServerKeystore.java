package io.aiconexus.gateway.transport.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.MessageDigest;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.HexFormat;

/** The keystore the TLS listener serves from, loaded and checked before Jetty sees it, so errors name the fix. */
record ServerKeystore(KeyStore store, String password, String source) {

    /**
     * The keystore of {@code tls}: the configured file, or the generated one in {@code dataDir}.
     *
     * @throws IllegalStateException naming the file and what is wrong with it
     */
    static ServerKeystore of(TlsSettings tls, Path dataDir, String listenHost) {
        if (tls.generated()) {
            return GeneratedKeystore.loadOrCreate(dataDir.resolve(GeneratedKeystore.DIRECTORY), listenHost);
        }
        return load(Path.of(tls.keystorePath()), tls.keystoreType(), tls.keystorePassword());
    }

    static ServerKeystore load(Path file, String type, String password) {
        KeyStore store;
        try (InputStream in = Files.newInputStream(file)) {
            store = KeyStore.getInstance(type);
            store.load(in, password.toCharArray());
        } catch (NoSuchFileException missing) {
            throw new IllegalStateException("TLS keystore " + file.toAbsolutePath() + " does not exist", missing);
        } catch (KeyStoreException unknownType) {
            throw new IllegalStateException("TLS keystore type " + type + " is not supported (PKCS12 or JKS)",
                    unknownType);
        } catch (IOException e) {
            // the JDK reports a wrong password as an IOException caused by UnrecoverableKeyException
            String why = e.getCause() instanceof UnrecoverableKeyException ? "wrong keystore password" : e.getMessage();
            throw new IllegalStateException("TLS keystore " + file.toAbsolutePath() + " cannot be read as " + type
                    + ": " + why, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS keystore " + file.toAbsolutePath() + " cannot be read: "
                    + e.getMessage(), e);
        }
        ServerKeystore keystore = new ServerKeystore(store, password, file.toAbsolutePath().toString());
        keystore.certificate(); // a keystore without a key entry cannot serve TLS: say so now
        return keystore;
    }

    /** The certificate of the first key entry: what clients are shown. */
    X509Certificate certificate() {
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    Certificate certificate = store.getCertificate(alias);
                    if (certificate instanceof X509Certificate x509) {
                        return x509;
                    }
                }
            }
        } catch (KeyStoreException e) {
            throw new IllegalStateException("TLS keystore " + source + " cannot be read: " + e.getMessage(), e);
        }
        throw new IllegalStateException("TLS keystore " + source + " holds no private key with an X.509 certificate");
    }

    /** SHA-256 of the certificate, as clients pin it ({@code openssl x509 -fingerprint -sha256}). */
    String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate().getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot fingerprint the TLS certificate of " + source, e);
        }
    }
}
