package io.aiconexus.gateway.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.aiconexus.gateway.transport.Connection;

/** PROTOCOL.md section 1 at the upgrade: subprotocol selection, refusals, caps. */
class UpgradeTest extends TransportFixture {

    @Test
    void selectsIoapWhenOffered() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        JettyTransport transport = start(handler);

        AgentClient agent = AgentClient.connect(transport.address(), "ioap.v1");

        assertEquals("ioap.v1", agent.socket.getSubprotocol());
        assertEquals("ioap.v1", handler.nextOpened().subprotocol());
    }

    @Test
    void selectsIoapAmongOtherOffers() throws Exception {
        JettyTransport transport = start(new RecordingHandler());

        AgentClient agent = AgentClient.connect(transport.address(), "chat", "ioap.v1", "mqtt");

        assertEquals("ioap.v1", agent.socket.getSubprotocol());
    }

    @Test
    void acceptsClientOfferingNoSubprotocol() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        JettyTransport transport = start(handler);

        AgentClient agent = AgentClient.connect(transport.address());

        assertEquals("", agent.socket.getSubprotocol());
        Connection connection = handler.nextOpened();
        assertNull(connection.subprotocol());
        assertTrue(connection.id().matches("ws-\\d+"), connection.id());
        assertTrue(connection.remoteAddress().startsWith("127.0.0.1:"), connection.remoteAddress());
        assertEquals("127.0.0.1", connection.remoteHost());
    }

    @Test
    void refusesClientOfferingOnlyOtherSubprotocolsWith400() throws Exception {
        JettyTransport transport = start(new RecordingHandler());

        RawHttp.Answer answer = RawHttp.upgrade(transport.address(), "chat", "mqtt");

        assertEquals(400, answer.status());
        assertEquals("application/json", answer.header("Content-Type"));
        assertTrue(answer.body().contains("\"error\":\"unsupported_subprotocol\""), answer.body());
        assertTrue(answer.body().contains("\"supported\":\"ioap.v1\""), answer.body());
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> AgentClient.attempt(transport.address(), "chat").get(10, TimeUnit.SECONDS));
        WebSocketHandshakeException handshake = assertInstanceOf(WebSocketHandshakeException.class,
                refused.getCause());
        assertEquals(400, handshake.getResponse().statusCode());
        assertEquals(0, transport.connections().size());
    }

    @Test
    void refusesUpgradesOverThePerAddressCapWith503() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        JettyTransport transport = start(handler, "maxConnectionsPerAddress", 2);
        AgentClient first = AgentClient.connect(transport.address());
        AgentClient.connect(transport.address());

        RawHttp.Answer refused = RawHttp.upgrade(transport.address(), "ioap.v1");

        assertEquals(503, refused.status());
        assertEquals("application/json", refused.header("Content-Type"));
        assertTrue(refused.body().contains("\"error\":\"too_many_connections_from_address\""), refused.body());
        assertTrue(refused.body().contains("\"limit\":2"), refused.body());
        assertEquals(2, transport.connections().size());

        // A slot freed by a close is available again.
        String firstId = handler.nextOpened().id();
        first.close(1000, "bye");
        handler.expect(firstId, "opened", "closed:1000:bye");
        AgentClient.connect(transport.address(), "ioap.v1");
    }

    @Test
    void refusesUpgradesOverTheTotalCapWith503() throws Exception {
        JettyTransport transport = start(new RecordingHandler(), "maxConnections", 1);
        AgentClient.connect(transport.address());

        RawHttp.Answer refused = RawHttp.upgrade(transport.address());

        assertEquals(503, refused.status());
        assertTrue(refused.body().contains("\"error\":\"too_many_connections\""), refused.body());
    }

    @Test
    void plainGetOnTheWebSocketPathAsksForAnUpgrade() throws Exception {
        JettyTransport transport = start();
        URI http = transport.httpAddress().resolve("/ws");

        var response = HttpCalls.get(http);

        assertEquals(426, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("\"error\":\"upgrade_required\""), response.body());
    }
}
