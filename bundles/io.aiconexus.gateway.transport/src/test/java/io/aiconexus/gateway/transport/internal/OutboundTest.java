package io.aiconexus.gateway.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.aiconexus.gateway.transport.Connection;
import io.aiconexus.gateway.transport.SendResult;

/** What the gateway sends: in order, never blocking the sender, bounded per connection. */
class OutboundTest extends TransportFixture {

    @Test
    void tenThousandFramesArriveInTheOrderSent() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        JettyTransport transport = start(handler, "outboundQueueFrames", 10_000);
        AgentClient agent = AgentClient.connect(transport.address());
        Connection connection = handler.nextOpened();

        for (int i = 0; i < 10_000; i++) {
            assertEquals(SendResult.QUEUED, connection.send("frame " + i));
        }

        for (int i = 0; i < 10_000; i++) {
            assertEquals("frame " + i, agent.nextText());
        }
    }

    @Test
    void concurrentSendersKeepEachSendersOrder() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        JettyTransport transport = start(handler, "outboundQueueFrames", 64);
        AgentClient agent = AgentClient.connect(transport.address());
        Connection connection = handler.nextOpened();
        int senders = 4;
        int each = 2_500;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                int sender = s;
                done.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < each; i++) {
                        // A full queue is the caller's to handle; here the caller simply tries again.
                        while (connection.send(sender + ":" + i) == SendResult.FULL) {
                            Thread.onSpinWait();
                        }
                    }
                }, pool));
            }
            Map<Integer, Integer> nextExpected = new HashMap<>();
            for (int n = 0; n < senders * each; n++) {
                String[] frame = agent.nextText().split(":");
                int sender = Integer.parseInt(frame[0]);
                int expected = nextExpected.getOrDefault(sender, 0);
                assertEquals(expected, Integer.parseInt(frame[1]), "order of sender " + sender);
                nextExpected.put(sender, expected + 1);
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void stalledReaderFillsItsQueueWhileOthersKeepReceiving() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        int capacity = 8;
        JettyTransport transport = start(handler, "outboundQueueFrames", capacity, "shutdownGraceSeconds", 1);
        AgentClient.stalled(transport.address());
        Connection stalled = handler.nextOpened();
        AgentClient healthy = AgentClient.connect(transport.address());
        Connection flowing = handler.nextOpened();
        String big = "x".repeat(256 * 1024);

        // Kernel buffers take a few MB before the stalled socket stops taking writes; after that its queue stays
        // full however long the healthy agent's round trips take, and nothing was queued past the capacity.
        int accepted = 0;
        int consecutiveFull = 0;
        int roundTrips = 0;
        while (consecutiveFull < 3) {
            SendResult result = stalled.send(big);
            if (result == SendResult.QUEUED) {
                accepted++;
                consecutiveFull = 0;
                assertTrue(accepted < 1_000, "256 MB accepted for a reader that reads nothing");
                continue;
            }
            assertEquals(SendResult.FULL, result);
            assertEquals(capacity, stalled.queuedFrames());
            consecutiveFull++;
            for (int i = 0; i < 20; i++) {
                assertEquals(SendResult.QUEUED, flowing.send("trip " + roundTrips + "." + i));
            }
            for (int i = 0; i < 20; i++) {
                assertEquals("trip " + roundTrips + "." + i, healthy.nextText());
            }
            roundTrips++;
        }
        assertTrue(stalled.isOpen(), "FULL is reported, not acted on: closing is the caller's decision");
    }

    @Test
    void closeSendsTheCloseFrameAfterTheQueuedFrames() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        JettyTransport transport = start(handler);
        AgentClient agent = AgentClient.connect(transport.address());
        Connection connection = handler.nextOpened();

        for (int i = 0; i < 100; i++) {
            connection.send("last words " + i);
        }
        connection.close(4000, "see you");

        assertEquals(SendResult.CLOSED, connection.send("too late"));
        assertFalse(connection.isOpen());
        for (int i = 0; i < 100; i++) {
            assertEquals("last words " + i, agent.nextText());
        }
        assertEquals("4000:see you", agent.awaitClose());
        handler.expect(connection.id(), "opened", "closed:4000:see you");
    }

    @Test
    void abortDropsTheSocketWithoutACloseFrame() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        JettyTransport transport = start(handler);
        AgentClient agent = AgentClient.connect(transport.address());
        Connection connection = handler.nextOpened();

        connection.abort("stuck consumer");

        handler.expect(connection.id(), "opened", "closed:1006:stuck consumer");
        assertFalse(connection.isOpen());
        assertEquals(SendResult.CLOSED, connection.send("after abort"));
        // No close frame reached the agent: it sees the connection end abnormally.
        assertEquals("1006:", agent.awaitClose());
    }

    @Test
    void abortFreesAConnectionWhoseQueueIsFull() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        JettyTransport transport = start(handler, "outboundQueueFrames", 2);
        AgentClient.stalled(transport.address());
        Connection stuck = handler.nextOpened();
        String big = "x".repeat(256 * 1024);
        int sent = 0;
        while (stuck.send(big) == SendResult.QUEUED) {
            assertTrue(++sent < 1_000, "256 MB accepted for a reader that reads nothing");
        }

        stuck.abort("outbound queue full");

        handler.expect(stuck.id(), "opened", "closed:1006:outbound queue full");
        assertEquals(0, stuck.queuedFrames());
        assertTrue(transport.connections().isEmpty());
    }
}
