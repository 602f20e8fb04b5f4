package io.aiconexus.gateway.transport.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;

/**
 * A self-signed server certificate made with Bouncy Castle: an EC P-256 key (quick to make, and every
 * TLS 1.2/1.3 client takes ECDSA), valid for the loopback names and the names given.
 */
final class SelfSignedCertificate {
    static final String ALIAS = "gateway";
    /** Long-lived on purpose: nobody rotates a self-signed certificate; operators who need rotation configure a keystore. */
    static final Duration VALIDITY = Duration.ofDays(3650);

    private SelfSignedCertificate() {
    }

    /**
     * A PKCS12 keystore holding one key entry, {@value #ALIAS}, under {@code password}.
     *
     * @param commonName the subject's CN
     * @param names      DNS names or IP literals the certificate is valid for, besides localhost, 127.0.0.1 and ::1
     */
    static KeyStore create(String commonName, Set<String> names, char[] password) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        KeyPair keys = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=" + commonName.replaceAll("[,+=\"\\\\<>;]", "_") + ",O=AIConexus Gateway");
        Instant now = Instant.now();
        // Backdated an hour: a client whose clock is a little behind must not see "not yet valid".
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(128, new SecureRandom()), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
        try {
            builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(names));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, keys.getPrivate(), password, new Certificate[] {certificate});
            return store;
        } catch (OperatorCreationException | IOException e) {
            throw new GeneralSecurityException("cannot build the self-signed certificate: " + e.getMessage(), e);
        }
    }

    /** The host name of this machine, when it has one: a client on another machine uses it in the URL. */
    static Set<String> localNames(String listenHost) {
        Set<String> names = new LinkedHashSet<>();
        if (!listenHost.isBlank() && !"0.0.0.0".equals(listenHost) && !"::".equals(listenHost)) {
            names.add(listenHost);
        }
        try {
            names.add(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException noName) {
            // loopback names only
        }
        return names;
    }

    private static GeneralNames alternativeNames(Set<String> extra) {
        Set<String> all = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
        all.addAll(extra);
        List<GeneralName> names = new ArrayList<>();
        for (String name : all) {
            names.add(new GeneralName(IPAddress.isValid(name) ? GeneralName.iPAddress : GeneralName.dNSName, name));
        }
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }
}
