package io.aiconexus.gateway.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.aiconexus.gateway.transport.Connection;

/** What agents send reaches the handler: in order, one call at a time, framed by opened and closed. */
class DeliveryTest extends TransportFixture {

    @Test
    void textFramesReachTheHandlerInOrderBetweenOpenedAndClosed() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        JettyTransport transport = start(handler);
        AgentClient agent = AgentClient.connect(transport.address(), "ioap.v1");
        String id = handler.nextOpened().id();

        for (int i = 0; i < 500; i++) {
            agent.send("{\"n\":" + i + "}");
        }
        agent.close(1000, "done");

        assertEquals("1000:done", agent.awaitClose());
        handler.expect(id, "opened");
        for (int i = 0; i < 500; i++) {
            assertEquals("text:{\"n\":" + i + "}", handler.next(id));
        }
        handler.expect(id, "closed:1000:done");
        assertEquals(0, handler.overlaps.get());
        assertFalse(transport.connection(id).isPresent(), "a closed connection is no longer listed");
    }

    @Test
    void binaryFramesReachTheHandlerAsTheirLength() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        JettyTransport transport = start(handler);
        AgentClient agent = AgentClient.connect(transport.address());
        String id = handler.nextOpened().id();

        agent.socket.sendBinary(ByteBuffer.wrap(new byte[1234]), true).get(10, TimeUnit.SECONDS);
        agent.send("after");

        handler.expect(id, "opened", "binary:1234", "text:after");
    }

    @Test
    void messageOverTheHardLimitIsClosedWith1009() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        JettyTransport transport = start(handler, "maxMessageBytes", 1000);
        AgentClient agent = AgentClient.connect(transport.address());
        String id = handler.nextOpened().id();

        agent.send("x".repeat(1000));
        agent.socket.sendText("y".repeat(1001), true);

        assertEquals("1009", agent.awaitClose().split(":")[0]);
        handler.expect(id, "opened", "text:" + "x".repeat(1000));
        assertEquals("closed:1009", handler.next(id).substring(0, "closed:1009".length()));
    }

    @Test
    void invalidUtf8TextIsClosedWith1007AndNeverReachesTheHandler() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        JettyTransport transport = start(handler);
        RawHttp.Answer upgraded = RawHttp.upgrade(transport.address(), "ioap.v1");
        String id = handler.nextOpened().id();
        try (Socket socket = upgraded.socket()) {
            byte[] invalid = {(byte) 0xC3, (byte) 0x28}; // a two-byte sequence cut short
            // FIN + text, masked (clients must mask) with a zero mask so the payload stays as written.
            socket.getOutputStream().write(new byte[] {(byte) 0x81, (byte) (0x80 | invalid.length), 0, 0, 0, 0,
                    invalid[0], invalid[1]});
            socket.getOutputStream().flush();

            DataInputStream in = new DataInputStream(socket.getInputStream());
            assertEquals(0x88, in.readUnsignedByte(), "a close frame");
            assertTrue(in.readUnsignedByte() >= 2);
            assertEquals(1007, in.readUnsignedShort());
        }
        assertTrue(handler.next(id).startsWith("opened"));
        assertTrue(handler.next(id).startsWith("closed:1007:"));
    }

    @Test
    void handlerThatThrowsKeepsGettingTheFollowingFrames() throws Exception {
        RecordingHandler handler = new RecordingHandler() {
            @Override
            void during(Connection connection, String event) {
                if (event.equals("text:poison")) {
                    throw new IllegalStateException("plugin bug");
                }
            }
        };
        JettyTransport transport = start(handler);
        AgentClient agent = AgentClient.connect(transport.address());
        String id = handler.nextOpened().id();

        agent.send("poison");
        agent.send("fine");

        handler.expect(id, "opened", "text:fine");
        assertTrue(transport.connection(id).orElseThrow().isOpen());
    }

    @Test
    void handlerClosingItsConnectionHearsOfTheCloseOnlyAfterItsCallReturns() throws Exception {
        RecordingHandler handler = new RecordingHandler() {
            @Override
            void during(Connection connection, String event) {
                if (event.equals("text:kick me")) {
                    connection.abort("kicked");
                }
            }
        };
        JettyTransport transport = start(handler);
        AgentClient agent = AgentClient.connect(transport.address());
        String id = handler.nextOpened().id();

        agent.send("kick me");

        handler.expect(id, "opened", "text:kick me", "closed:1006:kicked");
        assertEquals(0, handler.overlaps.get());
        assertEquals("1006:", agent.awaitClose());
    }

    @Test
    void serverTellsTheHandlerWhoIsConnected() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        JettyTransport transport = start(handler);
        AgentClient.connect(transport.address());
        Connection connection = handler.nextOpened();

        assertEquals(connection, transport.connection(connection.id()).orElseThrow());
        assertEquals(1, transport.connections().size());
        assertEquals(transport.address().getPort(), transport.httpAddress().getPort());
        assertEquals("/ws", transport.address().getPath());
    }
}
