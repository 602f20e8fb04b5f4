package io.aiconexus.gateway.transport.internal;

import java.time.Duration;

/**
 * The configuration, checked once: every consumer reads one immutable snapshot, so a change applied live never
 * mixes old and new values.
 */
record TransportSettings(String host, int port, String path, boolean framesOnSelectors, int selectors, int maxMessageBytes,
        int outboundQueueFrames, int handlerBufferEvents, Duration pingInterval, int maxConnections,
        int maxConnectionsPerAddress, Duration shutdownGrace, TlsSettings tls) {

    /** Each selector is a thread of the pool; more than a quarter of it would starve the HTTP and TLS work. */
    static final int MAX_SELECTORS = WebSocketServer.MAX_THREADS / 4;

    TransportSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, not " + port);
        }
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/', not " + path);
        }
        if (selectors < 0 || selectors > MAX_SELECTORS) {
            throw new IllegalArgumentException("selectors must be 0 (one per processor) to " + MAX_SELECTORS + ", not "
                    + selectors);
        }
        requirePositive("maxMessageBytes", maxMessageBytes);
        requirePositive("outboundQueueFrames", outboundQueueFrames);
        requirePositive("handlerBufferEvents", handlerBufferEvents);
        requirePositive("maxConnections", maxConnections);
        requirePositive("maxConnectionsPerAddress", maxConnectionsPerAddress);
        if (pingInterval.isNegative() || pingInterval.isZero()) {
            throw new IllegalArgumentException("pingIntervalSeconds must be at least 1");
        }
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGraceSeconds must not be negative");
        }
        if (tls == null) {
            throw new IllegalArgumentException("tls must be given (TlsSettings.OFF for none)");
        }
    }

    static TransportSettings from(TransportConfig config) {
        return new TransportSettings(config.host().trim(), config.port(), config.path().trim(),
                config.framesOnSelectors(), config.selectors(), config.maxMessageBytes(), config.outboundQueueFrames(), config.handlerBufferEvents(),
                Duration.ofSeconds(config.pingIntervalSeconds()), config.maxConnections(),
                config.maxConnectionsPerAddress(), Duration.ofSeconds(config.shutdownGraceSeconds()),
                TlsSettings.from(config));
    }

    /** Nothing at all heard for this long means the peer is gone: 2.5 pings without even a pong. */
    Duration silenceLimit() {
        return pingInterval.multipliedBy(5).dividedBy(2);
    }

    /**
     * Whether a change needs a new server socket (and so a restart): TLS, the frame threads and the selectors are set
     * up when the connector is built.
     */
    boolean sameListener(TransportSettings other) {
        return host.equals(other.host) && port == other.port && path.equals(other.path) && tls.equals(other.tls)
                && framesOnSelectors == other.framesOnSelectors && selectors == other.selectors;
    }

    /** {@code wss} or {@code ws}. */
    String webSocketScheme() {
        return tls.enabled() ? "wss" : "ws";
    }

    /** {@code https} or {@code http}. */
    String httpScheme() {
        return tls.enabled() ? "https" : "http";
    }

    /** This listener with the other settings' limits: for falling back when a new listener cannot bind. */
    TransportSettings withLimitsOf(TransportSettings other) {
        return new TransportSettings(host, port, path, framesOnSelectors, selectors, other.maxMessageBytes, other.outboundQueueFrames,
                other.handlerBufferEvents, other.pingInterval, other.maxConnections, other.maxConnectionsPerAddress,
                other.shutdownGrace, tls);
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
    }
}
