package io.aiconexus.gateway.transport.internal;

import java.util.concurrent.Executor;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.Configurable;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * Our own Jetty server on the configured host and port: WebSocket upgrades at the path, plain HTTP everywhere
 * else, both over TLS when a keystore is given. No servlet layer: Jetty core handlers only.
 */
final class WebSocketServer {
    // Sockets are served by non-blocking selectors, so threads scale with work in progress, not with the
    // 20,000 mostly idle connections; 64 leaves room for handlers that block briefly on 2 cores.
    static final int MAX_THREADS = 64;
    static final int MIN_THREADS = 8;
    private static final int ACCEPTORS = 1;
    // A reconnect storm after a restart arrives all at once; the kernel holds it while the acceptor catches up.
    private static final int ACCEPT_QUEUE = 1024;
    private static final long HTTP_IDLE_TIMEOUT_MILLIS = 30_000;

    private final Server server;
    private final ServerConnector connector;
    private final ServerWebSocketContainer container;

    /** @param keystore what TLS serves from, or null for plain ws:// and http:// */
    WebSocketServer(TransportSettings settings, ServerKeystore keystore, UpgradeGate gate, HttpEndpoints endpoints) {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
        threads.setName("aiconexus-transport");
        server = new Server(threads);
        server.setStopAtShutdown(false); // DS stops us, in order; a JVM hook of Jetty's own would race it

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        if (keystore == null) {
            connector = new FrameHandlingConnector(server, ACCEPTORS, selectors(settings), settings.framesOnSelectors(),
                    new HttpConnectionFactory(http));
        } else {
            http.addCustomizer(new SecureRequestCustomizer());
            connector = new FrameHandlingConnector(server, ACCEPTORS, selectors(settings), false,
                    new SslConnectionFactory(tls(keystore), HttpVersion.HTTP_1_1.asString()),
                    new HttpConnectionFactory(http));
        }
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        connector.setIdleTimeout(HTTP_IDLE_TIMEOUT_MILLIS);
        server.addConnector(connector);

        WebSocketUpgradeHandler webSockets = WebSocketUpgradeHandler.from(server, configured -> {
            configured.addMapping(settings.path(), gate);
            configure(configured, settings);
        });
        webSockets.setHandler(new HttpDispatchHandler(endpoints, settings.path()));
        server.setHandler(webSockets);
        container = webSockets.getServerWebSocketContainer();
    }

    private static SslContextFactory.Server tls(ServerKeystore keystore) {
        SslContextFactory.Server factory = new SslContextFactory.Server();
        factory.setKeyStore(keystore.store());
        factory.setKeyStorePassword(keystore.password());
        factory.setKeyManagerPassword(keystore.password());
        return factory;
    }

    /** @throws Exception when the port cannot be bound */
    void start() throws Exception {
        server.start();
    }

    int port() {
        return connector.getLocalPort();
    }

    /** Applies the limits that need no new socket, to new and open connections alike. */
    void apply(TransportSettings settings) {
        configure(container, settings);
        for (Session session : container.getOpenSessions()) {
            configure(session, settings);
        }
    }

    /** Closes the listening socket; open connections carry on. */
    void stopAccepting() {
        connector.close();
    }

    void stop() throws Exception {
        server.stop();
    }

    /**
     * The selectors asked for, or one per processor. Not Jetty's default (half the processors): with frames handled
     * on them, the selectors are all the threads that verify, and on 2 cores one selector fell seconds behind
     * at 5,000 verified frames/s, where two did not (docs/BENCHMARKS.md).
     */
    private static int selectors(TransportSettings settings) {
        int configured = settings.selectors();
        return configured > 0 ? configured
                : Math.min(TransportSettings.MAX_SELECTORS, Runtime.getRuntime().availableProcessors());
    }

    /** How many selectors the connector runs. */
    int selectorCount() {
        return connector.getSelectorManager().getSelectorCount();
    }

    Executor executor() {
        return server.getThreadPool();
    }

    private static void configure(Configurable target, TransportSettings settings) {
        // Above this Jetty closes with 1009; the protocol's smaller frame limit is checked later, with an ERROR.
        target.setMaxTextMessageSize(settings.maxMessageBytes());
        target.setMaxBinaryMessageSize(settings.maxMessageBytes());
        // A backstop for a peer we cannot even write to: the heartbeat catches the silent ones first.
        target.setIdleTimeout(settings.silenceLimit());
    }
}
