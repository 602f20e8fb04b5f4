package io.aiconexus.gateway.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.aiconexus.gateway.transport.Connection;
import io.aiconexus.gateway.transport.SendResult;

/** Start, stop, reconfigure, and peers that vanish. */
class LifecycleTest extends TransportFixture {

    @Test
    void deactivateClosesAgentsWith1001AfterTheirQueuedFrames() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        JettyTransport transport = start(handler);
        AgentClient agent = AgentClient.connect(transport.address(), "ioap.v1");
        Connection connection = handler.nextOpened();
        AgentClient other = AgentClient.connect(transport.address());
        String otherId = handler.nextOpened().id();
        for (int i = 0; i < 100; i++) {
            connection.send("queued " + i);
        }
        URI address = transport.address();

        transport.deactivate();

        for (int i = 0; i < 100; i++) {
            assertEquals("queued " + i, agent.nextText());
        }
        assertEquals("1001:gateway shutting down", agent.awaitClose());
        assertEquals("1001:gateway shutting down", other.awaitClose());
        handler.expect(otherId, "opened", "closed:1001:gateway shutting down");
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> AgentClient.attempt(address).get(10, TimeUnit.SECONDS));
        assertTrue(refused.getCause() instanceof java.net.ConnectException, refused.getCause().toString());
    }

    @Test
    void stalledAgentHoldsTheStopNoLongerThanTheGrace() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        JettyTransport transport = start(handler, "shutdownGraceSeconds", 1, "outboundQueueFrames", 4);
        AgentClient.stalled(transport.address());
        Connection stuck = handler.nextOpened();
        String big = "x".repeat(256 * 1024);
        while (stuck.send(big) == SendResult.QUEUED) {
            // fill the queue: the close frame now waits behind frames that will never be read
        }

        long started = System.nanoTime();
        transport.deactivate();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertTrue(took.compareTo(Duration.ofSeconds(4)) < 0, "stop took " + took);
        handler.expect(stuck.id(), "opened", "closed:1006:gateway shutting down (still closing after the grace)");
    }

    @Test
    void limitsChangeLiveWithoutDroppingConnections() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        JettyTransport transport = start(handler, "shutdownGraceSeconds", 1);
        AgentClient.stalled(transport.address());
        Connection stalled = handler.nextOpened();
        URI before = transport.address();

        transport.modified(TestConfig.with("outboundQueueFrames", 2, "shutdownGraceSeconds", 1));

        assertEquals(before, transport.address());
        String big = "x".repeat(256 * 1024);
        int accepted = 0;
        while (stalled.send(big) == SendResult.QUEUED) {
            assertTrue(++accepted < 200, "the queue of 1024 still applies: 50 MB accepted for a stalled reader");
        }
        assertEquals(2, stalled.queuedFrames());
        assertTrue(stalled.isOpen());
        assertEquals(1, transport.connections().size());
    }

    @Test
    void changedPathRestartsTheServerClosingAgentsWith1012() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        JettyTransport transport = start(handler);
        AgentClient agent = AgentClient.connect(transport.address());
        String id = handler.nextOpened().id();

        transport.modified(TestConfig.with("path", "/agents-ws"));

        assertEquals("1012:gateway restarting", agent.awaitClose());
        handler.expect(id, "opened", "closed:1012:gateway restarting");
        assertEquals("/agents-ws", transport.address().getPath());
        AgentClient.connect(transport.address(), "ioap.v1");
        Connection next = handler.nextOpened();
        assertNotEquals(id, next.id(), "ids stay unique across a restart");
    }

    @Test
    void listenerThatCannotBindFallsBackToThePreviousOne() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        JettyTransport transport = start(handler, "shutdownGraceSeconds", 1);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {

            transport.modified(TestConfig.with("port", taken.getLocalPort(), "path", "/elsewhere"));

            assertNotEquals(taken.getLocalPort(), transport.address().getPort());
            assertEquals("/ws", transport.address().getPath());
            AgentClient.connect(transport.address(), "ioap.v1");
            handler.nextOpened();
        }
    }

    @Test
    void invalidConfigurationIsRefusedAndTheRunningOneKept() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        JettyTransport transport = start(handler);
        AgentClient agent = AgentClient.connect(transport.address());
        Connection connection = handler.nextOpened();
        URI before = transport.address();

        transport.modified(TestConfig.with("path", "no-slash", "outboundQueueFrames", 0));

        assertEquals(before, transport.address());
        assertTrue(connection.isOpen());
        assertEquals(SendResult.QUEUED, connection.send("still here"));
        assertEquals("still here", agent.nextText());
    }

    @Test
    void vanishedPeerIsDroppedAndReportedAs1006WhileAnsweringPeersStay() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        JettyTransport transport = start(handler, "pingIntervalSeconds", 1);
        AgentClient answering = AgentClient.connect(transport.address());
        String answeringId = handler.nextOpened().id();
        // Completes the upgrade, then neither reads nor writes: a peer whose machine lost power.
        RawHttp.Answer vanished = RawHttp.upgrade(transport.address(), "ioap.v1");
        assertEquals(101, vanished.status());
        String vanishedId = handler.nextOpened().id();

        try {
            handler.expect(vanishedId, "opened");
            String closed = handler.next(vanishedId);
            assertTrue(closed.startsWith("closed:1006:"), closed);
            assertTrue(closed.contains("vanished"), closed);
            // The answering agent has now been pinged beyond the silence limit of 2.5 s and is still there.
            while (answering.pings.get() < 4) {
                assertTrue(answering.pingSeen.poll(10, TimeUnit.SECONDS) != null, "no ping within 10 s");
            }
            assertTrue(transport.connection(answeringId).isPresent());
            assertFalse(answering.closed.isDone());
            assertEquals(1, transport.connections().size());
        } finally {
            vanished.socket().close();
        }
    }
}
