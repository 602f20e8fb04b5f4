package io.aiconexus.gateway.transport.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;

import org.eclipse.jetty.websocket.api.StatusCode;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.aiconexus.gateway.transport.Connection;
import io.aiconexus.gateway.transport.ConnectionHandler;
import io.aiconexus.gateway.transport.HttpEndpoint;
import io.aiconexus.gateway.transport.Transport;

/**
 * The gateway's transport: a Jetty WebSocket and HTTP server of its own, the highest-ranked
 * {@link ConnectionHandler} as the receiver of connection events, and the {@link HttpEndpoint} whiteboard.
 */
@Component(service = Transport.class, immediate = true, configurationPid = JettyTransport.PID)
@Designate(ocd = TransportConfig.class)
public class JettyTransport implements Transport {
    static final String PID = "io.aiconexus.gateway.transport";
    static final String SHUTTING_DOWN = "gateway shutting down";
    static final String RESTARTING = "gateway restarting";
    /** Framework property naming the data directory (the generated TLS keystore lives in its tls/). */
    static final String DATA_DIR_PROPERTY = "aiconexus.data";
    private static final Logger LOG = LoggerFactory.getLogger(JettyTransport.class);

    private final ConnectionTable connections = new ConnectionTable();
    private final HttpEndpoints endpoints = new HttpEndpoints();
    private final RefusalLog refusals = new RefusalLog();
    private final ConnectionLimits limits;
    private final HandlerDispatcher dispatcher;
    private final Heartbeat heartbeat;
    private final UpgradeGate gate;
    private final Object lifecycle = new Object();
    private volatile TransportSettings settings;
    private volatile WebSocketServer server; // replaced under lifecycle
    private volatile URI address;
    private volatile URI httpAddress;
    private final Path dataDir;

    @Activate
    public JettyTransport(TransportConfig config, BundleContext context) {
        this(config, dataDirectory(context.getProperty(DATA_DIR_PROPERTY)));
    }

    /** Outside a framework (tests): {@code dataDir} holds the generated TLS keystore. */
    JettyTransport(TransportConfig config, Path dataDir) {
        this.dataDir = dataDir;
        settings = TransportSettings.from(config);
        limits = new ConnectionLimits(settings.maxConnections(), settings.maxConnectionsPerAddress());
        dispatcher = new HandlerDispatcher(settings.handlerBufferEvents(), this::execute);
        heartbeat = new Heartbeat(connections, limits, () -> settings);
        gate = new UpgradeGate(limits, new EndpointContext(connections, dispatcher,
                () -> settings.outboundQueueFrames(), refusals));
    }

    @Activate
    void activate() {
        synchronized (lifecycle) {
            startServer(settings);
            heartbeat.start(settings.pingInterval());
        }
    }

    @Modified
    void modified(TransportConfig config) {
        synchronized (lifecycle) {
            TransportSettings next;
            try {
                next = TransportSettings.from(config);
            } catch (IllegalArgumentException invalid) {
                LOG.error("transport configuration not applied, keeping the previous one: {}", invalid.getMessage());
                return;
            }
            TransportSettings previous = settings;
            settings = next;
            limits.limits(next.maxConnections(), next.maxConnectionsPerAddress());
            dispatcher.capacity(next.handlerBufferEvents());
            if (!next.pingInterval().equals(previous.pingInterval())) {
                heartbeat.start(next.pingInterval());
            }
            if (server != null && next.sameListener(previous)) {
                server.apply(next);
                LOG.info("transport configuration applied to {} open connections", connections.size());
                return;
            }
            LOG.info("listener changed to {}:{}{}: restarting the transport", next.host(), next.port(), next.path());
            stopServer(StatusCode.SERVICE_RESTART, RESTARTING, previous);
            try {
                startServer(next);
            } catch (IllegalStateException cannotListen) {
                // Agents reconnect to the old address: better served there than not at all.
                LOG.error("{} ({}); listening on the previous address again", cannotListen.getMessage(),
                        String.valueOf(cannotListen.getCause()));
                settings = previous.withLimitsOf(next);
                startServer(settings);
            }
        }
    }

    @Deactivate
    void deactivate() {
        synchronized (lifecycle) {
            heartbeat.stop();
            stopServer(StatusCode.SHUTDOWN, SHUTTING_DOWN, settings);
            int dropped = dispatcher.discardHeld();
            if (dropped > 0) {
                LOG.warn("{} events held for a connection handler were dropped at stop", dropped);
            }
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindHandler")
    void bindHandler(ConnectionHandler handler) {
        dispatcher.bind(handler);
        LOG.info("connection handler {} bound; {} held events go to it", handler, dispatcher.held());
    }

    void unbindHandler(ConnectionHandler handler) {
        dispatcher.unbind(handler);
        LOG.info("connection handler {} unbound", handler);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeEndpoint", updated = "updateEndpoint")
    void addEndpoint(HttpEndpoint endpoint, Map<String, Object> properties) {
        String path = endpoints.add(endpoint, properties);
        if (path == null) {
            LOG.warn("HTTP endpoint {} ignored: its {} property is missing or does not start with '/'", endpoint,
                    HttpEndpoint.PATH);
        } else {
            LOG.debug("HTTP endpoint {} serves {}", endpoint, path);
        }
    }

    void updateEndpoint(HttpEndpoint endpoint, Map<String, Object> properties) {
        endpoints.remove(endpoint);
        addEndpoint(endpoint, properties);
    }

    void removeEndpoint(HttpEndpoint endpoint) {
        endpoints.remove(endpoint);
    }

    @Override
    public URI address() {
        return address;
    }

    @Override
    public URI httpAddress() {
        return httpAddress;
    }

    @Override
    public Collection<Connection> connections() {
        return List.copyOf(connections.snapshot());
    }

    @Override
    public Optional<Connection> connection(String id) {
        return connections.get(id).map(Connection.class::cast);
    }

    /** Selector threads of the running server (0 while stopped). */
    int selectorCount() {
        WebSocketServer running = server;
        return running == null ? 0 : running.selectorCount();
    }

    @Override
    public int bufferedEvents() {
        return dispatcher.held();
    }

    private void startServer(TransportSettings with) {
        // Fails closed: TLS asked for but unusable stops the start rather than serving plain text.
        ServerKeystore keystore = with.tls().enabled() ? ServerKeystore.of(with.tls(), dataDir, with.host()) : null;
        WebSocketServer started = new WebSocketServer(with, keystore, gate, endpoints);
        try {
            started.start();
        } catch (Exception e) {
            stopQuietly(started);
            throw new IllegalStateException("transport cannot listen on " + with.host() + ":" + with.port(), e);
        }
        server = started;
        connections.reopen();
        limits.open();
        String host = with.host().indexOf(':') >= 0 ? "[" + with.host() + "]" : with.host();
        address = URI.create(with.webSocketScheme() + "://" + host + ":" + started.port() + with.path());
        httpAddress = URI.create(with.httpScheme() + "://" + host + ":" + started.port());
        LOG.info("listening on {} ({}, {} selector threads)", address, with.tls(), started.selectorCount());
    }

    /** Closes every connection with code, gives them the grace to drain and close, then stops Jetty. */
    private void stopServer(int code, String reason, TransportSettings with) {
        WebSocketServer stopping = server;
        if (stopping == null) {
            return;
        }
        limits.close();
        stopping.stopAccepting();
        int closed = connections.closeAll(code, reason);
        try {
            if (!connections.awaitAllGone(with.shutdownGrace())) {
                List<WebSocketConnection> stuck = connections.snapshot();
                LOG.info("{} connections still open after {} s; dropping them", stuck.size(),
                        with.shutdownGrace().toSeconds());
                for (WebSocketConnection connection : stuck) {
                    connection.abort(reason + " (still closing after the grace)");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopQuietly(stopping);
        server = null;
        LOG.info("stopped listening on {} ({} connections closed with {})", address, closed, code);
    }

    static Path dataDirectory(String property) {
        return Path.of(property == null || property.isBlank() ? "data" : property);
    }

    private static void stopQuietly(WebSocketServer stopping) {
        try {
            stopping.stop();
        } catch (Exception e) {
            LOG.error("transport server did not stop cleanly", e);
        }
    }

    /** Replays held events off the caller's thread: on Jetty's pool while it runs. */
    private void execute(Runnable task) {
        WebSocketServer running = server;
        if (running != null) {
            try {
                running.executor().execute(task);
                return;
            } catch (RejectedExecutionException stopping) {
                // fall through: the pool is stopping
            }
        }
        ForkJoinPool.commonPool().execute(task);
    }
}
