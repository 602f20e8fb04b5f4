package io.aiconexus.gateway.transport.internal;

import java.util.List;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketCreator;

/**
 * Decides each upgrade (PROTOCOL.md section 1): selects {@code ioap.v1} when offered, accepts a client that offers
 * no subprotocol, refuses one that offers only others (HTTP 400), and refuses over the connection caps (HTTP 503).
 * A refusal is a complete JSON response, so no client is left waiting on an unanswered upgrade.
 */
final class UpgradeGate implements WebSocketCreator {
    static final String SUBPROTOCOL = "ioap.v1";

    private final ConnectionLimits limits;
    private final EndpointContext context;

    UpgradeGate(ConnectionLimits limits, EndpointContext context) {
        this.limits = limits;
        this.context = context;
    }

    @Override
    public Object createWebSocket(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        Peer peer = Peer.of(Request.getRemoteAddr(request), Request.getRemotePort(request));
        List<String> offered = request.getSubProtocols();
        String selected = null;
        if (request.hasSubProtocol(SUBPROTOCOL)) {
            selected = SUBPROTOCOL;
        } else if (!offered.isEmpty()) {
            context.refusals().refused("upgrade", peer.address(), "unsupported subprotocols " + offered);
            refuse(response, callback, HttpStatus.BAD_REQUEST_400, Json.error("unsupported_subprotocol",
                    "this gateway speaks " + SUBPROTOCOL + " (or no subprotocol)", "supported", SUBPROTOCOL));
            return null;
        }
        ConnectionLimits.Admission admission = limits.admit(peer.host());
        if (admission instanceof ConnectionLimits.Refused refused) {
            context.refusals().refused("upgrade", peer.address(), refused.message());
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "5");
            refuse(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503,
                    refused.limit() > 0 ? Json.error(refused.error(), refused.message(), "limit", refused.limit())
                            : Json.error(refused.error(), refused.message()));
            return null;
        }
        if (selected != null) {
            response.setAcceptedSubProtocol(selected);
        }
        return new SocketEndpoint(context.connections().nextId(), peer, selected,
                (ConnectionLimits.Reservation) admission, context);
    }

    private static void refuse(ServerUpgradeResponse response, Callback callback, int status, String json) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        // The socket is not upgraded, and the refused client should not reuse it for another try right away.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        Content.Sink.write(response, true, json, callback);
    }
}
