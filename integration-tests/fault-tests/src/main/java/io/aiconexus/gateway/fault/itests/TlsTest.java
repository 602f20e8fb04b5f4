package io.aiconexus.gateway.fault.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.fault.itests.support.FaultTestBase;
import io.aiconexus.gateway.testsupport.TestAgent;
import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.transport.Transport;

/**
 * Issue 7, "nobody in who does not belong", in the assembled gateway: TLS switched on through
 * Config Admin. With no keystore configured the transport makes a self-signed certificate in the
 * data directory; agents then register and route over wss:// and /health answers over https://,
 * while a client that does not trust the certificate gets nowhere. A configured keystore password
 * is never published with the Transport service. The configuration is restored, and plain ws://
 * awaited, before the test ends, so the tests after it find the gateway as they expect.
 */
class TlsTest extends FaultTestBase {

    @InjectService(timeout = 15000)
    ConfigurationAdmin configurations;

    @Test
    void agentsRouteOverWssWithTheMadeCertificateAndOthersAreRefused() throws Exception {
        TransportConfiguration tls = TransportConfiguration.apply(this, "tlsEnabled", true);
        try {
            awaitAddress("wss");
            HttpClient trusting = trusting(madeCertificate());

            HttpResponse<String> health = trusting.send(HttpRequest.newBuilder(
                    URI.create(transport.httpAddress() + "/health")).timeout(TestAgent.WAIT).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertEquals("https", transport.httpAddress().getScheme());
            assertEquals("healthy", TestAgent.json(health.body()).get("status").asText());

            try (SecureAgent alice = SecureAgent.registered(this, trusting);
                    SecureAgent bob = SecureAgent.registered(this, trusting)) {
                String id = alice.send(MessageType.OFFER, bob.did, "v=0 over tls");
                ObjectNode offer = bob.next();
                assertEquals(id, offer.get("id").asText());
                assertEquals("v=0 over tls", offer.at("/payload/sdp").asText());
            }

            ExecutionException refused = assertThrows(ExecutionException.class, () -> HttpClient.newHttpClient()
                    .newWebSocketBuilder().buildAsync(transport.address(), new WebSocket.Listener() { })
                    .get(10, TimeUnit.SECONDS));
            assertInstanceOf(SSLHandshakeException.class, refused.getCause(), refused.toString());
        } finally {
            tls.restore();
        }
        awaitAddress("ws");
    }

    @Test
    void aConfiguredKeystorePasswordIsNotPublishedWithTheTransportService() throws Exception {
        // The keystore the transport made earlier (or makes now) serves as an operator's keystore.
        TransportConfiguration made = TransportConfiguration.apply(this, "tlsEnabled", true);
        try {
            awaitAddress("wss");
        } finally {
            made.restore();
        }
        awaitAddress("ws");
        Path keystore = dataDir().resolve("tls/gateway.p12");
        String password = Files.readString(dataDir().resolve("tls/gateway.p12.password")).strip();

        TransportConfiguration configured = TransportConfiguration.apply(this, "tlsEnabled", true,
                "keystorePath", keystore.toString(), ".keystorePassword", password);
        try {
            awaitTransport("(keystorePath=" + keystore + ")");
            awaitAddress("wss");
            try (SecureAgent agent = SecureAgent.registered(this, trusting(madeCertificate()))) {
                assertTrue(registry.byDid(agent.did).isPresent(), "the configured keystore serves");
            }
            for (ServiceReference<Transport> reference : context.getServiceReferences(Transport.class, null)) {
                for (String key : reference.getPropertyKeys()) {
                    assertFalse(key.contains("Password"), "published: " + key);
                    assertFalse(String.valueOf(reference.getProperty(key)).contains(password), "published in " + key);
                }
            }
        } finally {
            configured.restore();
        }
        awaitAddress("ws");
    }

    private Path dataDir() {
        return Path.of(context.getProperty("aiconexus.data"));
    }

    private X509Certificate madeCertificate() throws Exception {
        String password = Files.readString(dataDir().resolve("tls/gateway.p12.password")).strip();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dataDir().resolve("tls/gateway.p12"))) {
            store.load(in, password.toCharArray());
        }
        return (X509Certificate) store.getCertificate(Collections.list(store.aliases()).get(0));
    }

    private void awaitAddress(String scheme) throws Exception {
        eventually("the transport listens on " + scheme + "://",
                () -> transport.address() != null && scheme.equals(transport.address().getScheme()));
    }

    /** A client trusting {@code certificate} only, checking the host name as browsers do. */
    private static HttpClient trusting(X509Certificate certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("gateway", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, factory.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The transport's configuration changed for one block and put back as it was, or deleted if there was none. */
    private static final class TransportConfiguration {
        private final Configuration configuration;
        private final Dictionary<String, Object> previous;

        private TransportConfiguration(Configuration configuration, Dictionary<String, Object> previous) {
            this.configuration = configuration;
            this.previous = previous;
        }

        static TransportConfiguration apply(TlsTest test, Object... keysAndValues) throws Exception {
            Configuration configuration = test.configurations.getConfiguration(TRANSPORT_PID, "?");
            Dictionary<String, Object> previous = configuration.getProperties();
            Hashtable<String, Object> next = new Hashtable<>();
            if (previous != null) {
                for (String key : Collections.list(previous.keys())) {
                    next.put(key, previous.get(key));
                }
            }
            next.put("port", 0);
            for (int i = 0; i < keysAndValues.length; i += 2) {
                next.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
            configuration.update(next);
            return new TransportConfiguration(configuration, previous);
        }

        void restore() throws IOException {
            if (previous == null) {
                configuration.delete();
            } else {
                configuration.update(previous);
            }
        }
    }

    /** An agent on the JDK's WebSocket client with its own TLS trust. */
    private static final class SecureAgent implements AutoCloseable {
        final String did;
        private final AgentIdentity identity;
        private final TlsTest test;
        private final WebSocket socket;
        private final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();

        private SecureAgent(TlsTest test, HttpClient client) throws Exception {
            this.test = test;
            this.identity = test.identities.generate();
            this.did = identity.did();
            StringBuilder partial = new StringBuilder();
            this.socket = client.newWebSocketBuilder().subprotocols("ioap.v1")
                    .buildAsync(test.transport.address(), new WebSocket.Listener() {
                        @Override
                        public CompletableFuture<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            partial.append(data);
                            if (last) {
                                frames.add(partial.toString());
                                partial.setLength(0);
                            }
                            webSocket.request(1);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
        }

        static SecureAgent registered(TlsTest test, HttpClient client) throws Exception {
            SecureAgent agent = new SecureAgent(test, client);
            String id = agent.send(MessageType.REGISTER, agent.did, null);
            ObjectNode ack = agent.next();
            assertEquals("REGISTER", ack.get("type").asText(), ack::toString);
            assertEquals(id, ack.get("correlation_id").asText());
            return agent;
        }

        String send(MessageType type, String to, String sdp) throws Exception {
            ObjectNode payload = test.codec.objectNode();
            if (sdp != null) {
                payload.put("sdp", sdp);
            }
            ObjectNode envelope = test.codec.newEnvelope(type, did, to, null, payload);
            socket.sendText(test.codec.write(test.signer.sign(identity, envelope)), true).get(10, TimeUnit.SECONDS);
            return envelope.get("id").asText();
        }

        ObjectNode next() throws Exception {
            String frame = frames.poll(10, TimeUnit.SECONDS);
            assertTrue(frame != null, "no frame within 10 s");
            return TestAgent.json(frame);
        }

        @Override
        public void close() {
            socket.abort();
        }
    }
}
