package io.aiconexus.gateway.transport.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;

import io.aiconexus.gateway.transport.Connection;
import io.aiconexus.gateway.transport.HttpEndpoint;

/**
 * wss:// and https:// (issue 7): with a configured keystore, or with a self-signed certificate made
 * on first start, kept owner-only in the data directory and reused after. Clients here are the JDK's
 * own, trusting exactly the certificate the gateway is expected to serve.
 */
class TlsTest extends TransportFixture {

    @Test
    void withoutAKeystoreACertificateIsMadeKeptOwnerOnlyAndServesWssAndHttps() throws Exception {
        JettyTransport transport = start(new EchoHandler(), "tlsEnabled", true);
        health(transport);

        assertEquals("wss", transport.address().getScheme());
        assertEquals("https", transport.httpAddress().getScheme());
        Path keystore = dataDir.resolve("tls/gateway.p12");
        Path password = dataDir.resolve("tls/gateway.p12.password");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(password)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore.getParent())));
        HttpClient client = trusting(generatedCertificate(dataDir));

        AgentClient agent = AgentClient.connect(client, transport.address(), "ioap.v1");
        agent.send("{\"hello\":\"over tls\"}");
        assertEquals("echo:{\"hello\":\"over tls\"}", agent.nextText());
        assertEquals("ioap.v1", agent.socket.getSubprotocol());

        HttpResponse<String> response = get(client, transport, "/health");
        assertEquals(200, response.statusCode());
        assertEquals("{\"status\":\"healthy\"}", response.body());
        assertArrayEquals(generatedCertificate(dataDir).getEncoded(),
                response.sslSession().orElseThrow().getPeerCertificates()[0].getEncoded());
    }

    @Test
    void theMadeCertificateIsReusedAfterARestart() throws Exception {
        JettyTransport first = start(null, "tlsEnabled", true);
        X509Certificate made = generatedCertificate(dataDir);
        String password = Files.readString(dataDir.resolve("tls/gateway.p12.password"));
        stop(first);

        JettyTransport second = start(null, "tlsEnabled", true);
        health(second);
        HttpResponse<String> response = get(trusting(made), second, "/health");

        assertEquals(200, response.statusCode(), "a client that trusted the first certificate still connects");
        assertArrayEquals(made.getEncoded(), response.sslSession().orElseThrow().getPeerCertificates()[0].getEncoded());
        assertEquals(password, Files.readString(dataDir.resolve("tls/gateway.p12.password")));
    }

    @Test
    void aConfiguredKeystoreIsServedAndNothingIsMade() throws Exception {
        Path file = Files.createTempFile(dataDir, "operator", ".p12");
        KeyStore store = SelfSignedCertificate.create("operator-issued", Set.of(), "s3cret".toCharArray());
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "s3cret".toCharArray());
        }
        X509Certificate configured = (X509Certificate) store.getCertificate(SelfSignedCertificate.ALIAS);

        JettyTransport transport = start(new EchoHandler(), "tlsEnabled", true, "keystorePath", file.toString(),
                "_keystorePassword", "s3cret", "keystoreType", "pkcs12");
        health(transport);
        HttpClient client = trusting(configured);

        HttpResponse<String> response = get(client, transport, "/health");
        Certificate served = response.sslSession().orElseThrow().getPeerCertificates()[0];
        assertArrayEquals(configured.getEncoded(), served.getEncoded());
        assertTrue(((X509Certificate) served).getSubjectX500Principal().getName().contains("CN=operator-issued"));
        AgentClient agent = AgentClient.connect(client, transport.address());
        agent.send("configured");
        assertEquals("echo:configured", agent.nextText());
        assertFalse(Files.exists(dataDir.resolve("tls")), "no certificate is made when one is configured");
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefusedAtTheHandshake() {
        JettyTransport transport = start(null, "tlsEnabled", true);
        health(transport);

        HttpClient untrusting = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Exception refused = assertThrows(Exception.class, () -> get(untrusting, transport, "/health"));
        assertInstanceOf(SSLHandshakeException.class, refused, refused.toString());
        ExecutionException upgrade = assertThrows(ExecutionException.class,
                () -> AgentClient.attempt(transport.address()).get());
        assertInstanceOf(SSLHandshakeException.class, upgrade.getCause(), upgrade.toString());
    }

    @Test
    void aWrongKeystorePasswordStopsTheStartAndNamesTheFile() throws Exception {
        Path file = dataDir.resolve("operator.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            SelfSignedCertificate.create("x", Set.of(), "right".toCharArray()).store(out, "right".toCharArray());
        }

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> start(null,
                "tlsEnabled", true, "keystorePath", file.toString(), "_keystorePassword", "wrong"));
        assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
        assertTrue(refused.getMessage().contains("wrong keystore password"), refused.getMessage());
        assertFalse(refused.getMessage().contains("right"), "the password is never in a message");
    }

    @Test
    void turningTlsOnLiveRestartsTheListenerAsWss() throws Exception {
        JettyTransport transport = start(new EchoHandler());
        assertEquals("ws", transport.address().getScheme());

        transport.modified(TestConfig.with("tlsEnabled", true));
        health(transport);

        assertEquals("wss", transport.address().getScheme());
        AgentClient agent = AgentClient.connect(trusting(generatedCertificate(dataDir)), transport.address());
        agent.send("now encrypted");
        assertEquals("echo:now encrypted", agent.nextText());
    }

    /** Echoes every text frame back, prefixed: the round trip a client sees. */
    private static final class EchoHandler extends RecordingHandler {
        @Override
        void during(Connection connection, String event) {
            if (event.startsWith("text:")) {
                connection.send("echo:" + event.substring("text:".length()));
            }
        }
    }

    private static void health(JettyTransport transport) {
        transport.addEndpoint(request -> io.aiconexus.gateway.transport.HttpResponse.json(200, "{\"status\":\"healthy\"}"),
                Map.of(HttpEndpoint.PATH, "/health", "service.ranking", 0, "service.id", 1L));
    }

    private static X509Certificate generatedCertificate(Path data) throws Exception {
        String password = Files.readString(data.resolve("tls/gateway.p12.password")).strip();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(data.resolve("tls/gateway.p12"))) {
            store.load(in, password.toCharArray());
        }
        return (X509Certificate) store.getCertificate(SelfSignedCertificate.ALIAS);
    }

    /** A client that trusts {@code certificate} and nothing else, verifying the host name as browsers do. */
    private static HttpClient trusting(X509Certificate certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("gateway", certificate);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static HttpResponse<String> get(HttpClient client, JettyTransport transport, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(transport.httpAddress() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
