package io.aiconexus.gateway.transport.internal;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.websocket.core.WebSocketConnection;

/**
 * A connector whose WebSocket connections are read and handled on the selector thread that found them readable
 * (unless {@code framesOnSelectors} is off: then it is Jetty's own connector).
 *
 * <p>Jetty hands every read it cannot prove non-blocking to another thread: a futex wake-up, a context switch and,
 * when the worker re-arms read interest, a selector wake-up, for every frame. Profiles put that hand-off and its
 * kernel time at a large share of what a routed frame costs. Frame handling here is CPU work (parse, verify, route,
 * queue the write, which completes asynchronously), so it runs where the read happened, as NATS and other brokers
 * do. HTTP requests, upgrades included, keep Jetty's hand-off: a handler may block on a large response, and a
 * selector thread that blocks stalls every connection it serves. So do TLS connections, whose endpoint carries the
 * TLS layer rather than the WebSocket connection.
 */
final class FrameHandlingConnector extends ServerConnector {
    private final boolean framesOnSelectors;

    FrameHandlingConnector(Server server, int acceptors, int selectors, boolean framesOnSelectors,
            ConnectionFactory... factories) {
        super(server, acceptors, selectors, factories);
        this.framesOnSelectors = framesOnSelectors;
    }

    @Override
    protected SocketChannelEndPoint newEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key)
            throws IOException {
        if (!framesOnSelectors) {
            return super.newEndPoint(channel, selector, key);
        }
        SocketChannelEndPoint endPoint = new WebSocketOnSelectorEndPoint(channel, selector, key, this);
        endPoint.setIdleTimeout(getIdleTimeout());
        return endPoint;
    }

    private static final class WebSocketOnSelectorEndPoint extends SocketChannelEndPoint {
        WebSocketOnSelectorEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key,
                ServerConnector connector) {
            super(channel, selector, key, connector.getScheduler());
        }

        @Override
        public Runnable onSelected() {
            Runnable task = super.onSelected();
            if (task == null || !(getConnection() instanceof WebSocketConnection)) {
                return task;
            }
            return Invocable.from(Invocable.InvocationType.NON_BLOCKING, task);
        }
    }
}
