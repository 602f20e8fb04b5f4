package io.aiconexus.gateway.transport.internal;

import java.util.Locale;

/**
 * Whether the listener speaks TLS, and with which keystore. An empty {@code keystorePath} means the
 * self-signed certificate kept in the data directory ({@link GeneratedKeystore}).
 */
record TlsSettings(boolean enabled, String keystorePath, String keystorePassword, String keystoreType) {
    static final TlsSettings OFF = new TlsSettings(false, "", "", "PKCS12");

    TlsSettings {
        keystorePath = keystorePath == null ? "" : keystorePath.trim();
        keystorePassword = keystorePassword == null ? "" : keystorePassword;
        keystoreType = keystoreType == null || keystoreType.isBlank() ? "PKCS12"
                : keystoreType.trim().toUpperCase(Locale.ROOT);
    }

    static TlsSettings from(TransportConfig config) {
        return new TlsSettings(config.tlsEnabled(), config.keystorePath(), config._keystorePassword(),
                config.keystoreType());
    }

    boolean generated() {
        return keystorePath.isEmpty();
    }

    /** Settings end up in log lines and exception messages: the password never does. */
    @Override
    public String toString() {
        return !enabled ? "TLS off"
                : generated() ? "TLS with the generated self-signed certificate"
                        : "TLS with " + keystoreType + " keystore " + keystorePath;
    }
}
