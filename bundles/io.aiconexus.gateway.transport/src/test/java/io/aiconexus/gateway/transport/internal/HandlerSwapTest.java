package io.aiconexus.gateway.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.aiconexus.gateway.transport.Connection;

/** No handler for a while, or a new one: nothing is lost, reordered or seen twice. */
class HandlerSwapTest extends TransportFixture {

    @Test
    void eventsHeldWithoutHandlerAreReplayedInOrderToTheNextOne() throws Exception {
        JettyTransport transport = start();
        AgentClient staying = AgentClient.connect(transport.address(), "ioap.v1");
        staying.send("a");
        staying.send("b");
        staying.send("c");
        AgentClient leaving = AgentClient.connect(transport.address());
        leaving.send("x");
        leaving.close(1000, "bye");
        eventually("7 events held", () -> transport.bufferedEvents() == 7);
        String stayingId = idOf(transport, "ioap.v1");

        RecordingHandler handler = new RecordingHandler();
        transport.bindHandler(handler);

        handler.expect(stayingId, "opened", "text:a", "text:b", "text:c");
        Connection one = handler.nextOpened();
        Connection two = handler.nextOpened();
        String leavingId = one.id().equals(stayingId) ? two.id() : one.id();
        handler.expect(leavingId, "opened", "text:x", "closed:1000:bye");
        staying.send("d");
        handler.expect(stayingId, "text:d");
        assertEquals(0, transport.bufferedEvents());
    }

    @Test
    void fullBufferClosesWith1013AndKeepsWhatItTook() throws Exception {
        JettyTransport transport = start("handlerBufferEvents", 5);
        AgentClient agent = AgentClient.connect(transport.address());
        // The buffer holds 5 events: the open and m0..m3; m4 is the one that does not fit. Nothing is sent after
        // it, since a client still writing while the server closes may see its socket reset instead of the close.
        for (int i = 0; i < 5; i++) {
            agent.socket.sendText("m" + i, true).get(10, TimeUnit.SECONDS);
        }

        assertEquals("1013:gateway busy, try again", agent.awaitClose());
        AgentClient late = AgentClient.connect(transport.address());
        assertEquals("1013:gateway busy, try again", late.awaitClose());
        // Held: opened and 4 texts (the cap), and the close (always taken). The late one is not held at all.
        eventually("both closed, 6 events held",
                () -> transport.connections().isEmpty() && transport.bufferedEvents() == 6);

        RecordingHandler handler = new RecordingHandler();
        transport.bindHandler(handler);

        String id = handler.nextOpened().id();
        handler.expect(id, "opened", "text:m0", "text:m1", "text:m2", "text:m3",
                "closed:1013:gateway busy, try again");
        assertTrue(handler.opened.isEmpty(), "the connection refused at open is never announced");
        assertEquals(0, transport.bufferedEvents());
    }

    @Test
    void framesArrivingDuringTheReplayComeAfterTheHeldOnes() throws Exception {
        JettyTransport transport = start();
        AgentClient agent = AgentClient.connect(transport.address());
        int total = 3_000;
        CountDownLatch halfway = new CountDownLatch(1);
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < total; i++) {
                agent.socket.sendText(Integer.toString(i), true).join();
                if (i == total / 3) {
                    halfway.countDown();
                }
            }
        });
        assertTrue(halfway.await(10, TimeUnit.SECONDS));

        RecordingHandler handler = new RecordingHandler();
        transport.bindHandler(handler);

        String id = handler.nextOpened().id();
        handler.expect(id, "opened");
        for (int i = 0; i < total; i++) {
            assertEquals("text:" + i, handler.next(id));
        }
        sending.get(10, TimeUnit.SECONDS);
        assertEquals(0, handler.overlaps.get());
    }

    @Test
    void unbindWaitsForTheCallInProgress() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger inside = new AtomicInteger();
        RecordingHandler old = new RecordingHandler() {
            @Override
            void during(Connection connection, String event) {
                if (event.equals("text:first")) {
                    inside.incrementAndGet();
                    entered.countDown();
                    await(release);
                    inside.decrementAndGet();
                }
            }
        };
        JettyTransport transport = start(old);
        AgentClient agent = AgentClient.connect(transport.address());
        String id = old.nextOpened().id();
        agent.send("first");
        assertTrue(entered.await(10, TimeUnit.SECONDS));

        AtomicInteger insideWhenUnbound = new AtomicInteger(-1);
        Thread unbinding = new Thread(() -> {
            transport.unbindHandler(old);
            insideWhenUnbound.set(inside.get());
        });
        unbinding.start();
        eventually("unbind blocked or done", () -> !unbinding.isAlive()
                || unbinding.getState() == Thread.State.WAITING);
        release.countDown();
        unbinding.join(10_000);

        assertEquals(0, insideWhenUnbound.get(), "unbind returned while the old handler was still handling");
        assertEquals(List.of("opened", "text:first"), old.events(id));
        agent.send("second");
        eventually("the second frame held", () -> transport.bufferedEvents() == 1);
        RecordingHandler next = new RecordingHandler();
        transport.bindHandler(next);
        next.expect(id, "text:second");
        assertEquals(List.of("opened", "text:first"), old.events(id));
    }

    @Test
    void greedySwapSplitsTheStreamWithoutLossOrDuplicates() throws Exception {
        RecordingHandler first = new RecordingHandler();
        JettyTransport transport = start(first);
        AgentClient agent = AgentClient.connect(transport.address());
        String id = first.nextOpened().id();
        int total = 3_000;
        CountDownLatch halfway = new CountDownLatch(1);
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < total; i++) {
                agent.socket.sendText(Integer.toString(i), true).join();
                if (i == total / 2) {
                    halfway.countDown();
                }
            }
        });
        assertTrue(halfway.await(10, TimeUnit.SECONDS));

        // What DS does for a greedy reference when a higher-ranked service appears: bind the new, unbind the old.
        RecordingHandler second = new RecordingHandler();
        transport.bindHandler(second);
        transport.unbindHandler(first);
        sending.get(10, TimeUnit.SECONDS);
        agent.send("end");
        eventually("the last frame handled", () -> second.events(id).contains("text:end"));

        List<String> seen = new ArrayList<>(first.events(id));
        assertEquals("opened", seen.remove(0));
        int handedOver = seen.size();
        seen.addAll(second.events(id));
        assertTrue(handedOver > 0 && second.events(id).size() > 1, "both handlers took part");
        for (int i = 0; i < total; i++) {
            assertEquals("text:" + i, seen.get(i));
        }
        assertEquals("text:end", seen.get(total));
        assertEquals(total + 1, seen.size());
    }

    private static String idOf(JettyTransport transport, String subprotocol) {
        return transport.connections().stream().filter(c -> subprotocol.equals(c.subprotocol())).findFirst()
                .orElseThrow().id();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
