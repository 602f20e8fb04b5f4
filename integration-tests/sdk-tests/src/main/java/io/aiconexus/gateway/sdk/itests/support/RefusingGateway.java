package io.aiconexus.gateway.sdk.itests.support;

import java.net.URI;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.identity.EnvelopeSigner;
import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.EnvelopeCodec;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.protocol.ProtocolException;

/**
 * A gateway that says no: it answers every REGISTER the way the real gateway refuses one (a signed
 * ERROR correlated to the REGISTER, then close 1008), with the code and message it is given. The
 * real gateway refuses no registration from a correct client, so the SDK's and the command line's
 * handling of a refusal is checked against this one, on a real WebSocket.
 */
public final class RefusingGateway implements AutoCloseable {
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    public RefusingGateway(EnvelopeCodec codec, EnvelopeSigner signer, AgentIdentity identity, String code,
            String message) throws Exception {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(WebSocketUpgradeHandler.from(server, container -> container.addMapping("/ws",
                (request, response, callback) -> {
                    response.setAcceptedSubProtocol("ioap.v1");
                    return new Refuser(codec, signer, identity, code, message);
                })));
        server.start();
    }

    public URI address() {
        return URI.create("ws://127.0.0.1:" + connector.getLocalPort() + "/ws");
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** One connection: refuses its REGISTER. Public because Jetty builds method handles on it. */
    public static final class Refuser implements Session.Listener.AutoDemanding {
        private final EnvelopeCodec codec;
        private final EnvelopeSigner signer;
        private final AgentIdentity identity;
        private final String code;
        private final String message;
        private volatile Session session;

        Refuser(EnvelopeCodec codec, EnvelopeSigner signer, AgentIdentity identity, String code, String message) {
            this.codec = codec;
            this.signer = signer;
            this.identity = identity;
            this.code = code;
            this.message = message;
        }

        @Override
        public void onWebSocketOpen(Session opened) {
            this.session = opened;
        }

        @Override
        public void onWebSocketText(String text) {
            Envelope register;
            try {
                register = codec.parse(text);
            } catch (ProtocolException e) {
                session.close(1008, "not a frame", Callback.NOOP);
                return;
            }
            ObjectNode payload = codec.objectNode().put("code", code).put("message", message);
            payload.putObject("details").put("reason", "refused_by_test");
            ObjectNode error = codec.newEnvelope(MessageType.ERROR, identity.did(), register.from(), register.id(), payload);
            session.sendText(codec.write(signer.sign(identity, error)), Callback.NOOP);
            session.close(1008, "registration refused", Callback.NOOP);
        }
    }
}
