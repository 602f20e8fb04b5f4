package io.aiconexus.gateway.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.aiconexus.gateway.transport.Connection;

/**
 * Where frames are handled: on the selector threads by default (so at most one thread per selector ever handles a
 * frame, however many connections send at once), on Jetty's worker threads when {@code framesOnSelectors} is off.
 */
class FrameThreadsTest extends TransportFixture {
    private static final int AGENTS = 40;
    private static final int FRAMES = 50;

    /** Records which threads handled text frames; each call takes a little CPU, as verifying a frame does. */
    private static final class ThreadRecorder extends RecordingHandler {
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        final CountDownLatch frames = new CountDownLatch(AGENTS * FRAMES);

        @Override
        void during(Connection connection, String event) {
            if (event.startsWith("text:")) {
                threads.add(Thread.currentThread());
                long until = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(200);
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                frames.countDown();
            }
        }
    }

    /** Which threads handled the frames, and how many selectors the server ran. */
    private record Run(ThreadRecorder handler, int selectors) {
    }

    private Run sendFromManyAgents(Object... config) throws Exception {
        ThreadRecorder handler = new ThreadRecorder();
        JettyTransport transport = start(handler, config);
        List<AgentClient> agents = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            agents.add(AgentClient.connect(transport.address(), "ioap.v1"));
        }
        for (int n = 0; n < FRAMES; n++) {
            for (AgentClient agent : agents) {
                agent.send("{\"n\":" + n + "}");
            }
        }
        assertTrue(handler.frames.await(30, TimeUnit.SECONDS), "every frame handled");
        return new Run(handler, transport.selectorCount());
    }

    @Test
    void framesAreHandledOnTheSelectorThreadsByDefault() throws Exception {
        Run run = sendFromManyAgents();
        ThreadRecorder handler = run.handler();
        int selectors = run.selectors();
        assertEquals(Math.min(16, Runtime.getRuntime().availableProcessors()), selectors,
                "by default one selector per processor");
        assertTrue(handler.threads.size() <= selectors, "frames of " + AGENTS + " busy connections handled by "
                + handler.threads.size() + " threads, not only the " + selectors + " selectors");
        assertEquals(0, handler.overlaps.get(), "one connection's frames never overlap");
    }

    @Test
    void asManyThreadsHandleFramesAsSelectorsAreConfigured() throws Exception {
        Run run = sendFromManyAgents("selectors", 3);
        ThreadRecorder handler = run.handler();
        assertEquals(3, run.selectors());
        assertTrue(handler.threads.size() <= 3, "frames handled by " + handler.threads.size() + " threads");
        assertEquals(0, handler.overlaps.get(), "one connection's frames never overlap");
    }

    @Test
    void framesGoToWorkerThreadsWhenSwitchedOff() throws Exception {
        ThreadRecorder handler = sendFromManyAgents("framesOnSelectors", false, "selectors", 1).handler();
        assertTrue(handler.threads.size() > 1,
                "with framesOnSelectors off, Jetty's workers handle frames: " + handler.threads.size() + " threads");
        assertEquals(0, handler.overlaps.get(), "one connection's frames never overlap");
    }

    @Test
    void changingTheSelectorsRestartsTheServerClosingAgentsWith1012() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        JettyTransport transport = start(handler, "selectors", 1);
        AgentClient agent = AgentClient.connect(transport.address(), "ioap.v1");
        handler.nextOpened();

        transport.modified(TestConfig.with("selectors", 2));

        assertEquals("1012:gateway restarting", agent.awaitClose());
        assertEquals(2, transport.selectorCount());
    }

    @Test
    void selectorsOutOfRangeAreRefusedAndTheRunningServerKept() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        JettyTransport transport = start(handler, "selectors", 1);
        AgentClient agent = AgentClient.connect(transport.address(), "ioap.v1");
        Connection connection = handler.nextOpened();

        transport.modified(TestConfig.with("selectors", -1));
        transport.modified(TestConfig.with("selectors", TransportSettings.MAX_SELECTORS + 1));

        assertEquals(1, transport.selectorCount());
        assertTrue(connection.isOpen());
        connection.send("still here");
        assertEquals("still here", agent.nextText());
    }

    @Test
    void switchingFrameThreadsRestartsTheServerClosingAgentsWith1012() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        JettyTransport transport = start(handler);
        AgentClient agent = AgentClient.connect(transport.address(), "ioap.v1");
        String id = handler.nextOpened().id();

        transport.modified(TestConfig.with("framesOnSelectors", false));

        assertEquals("1012:gateway restarting", agent.awaitClose());
        handler.expect(id, "opened", "closed:1012:gateway restarting");
        AgentClient next = AgentClient.connect(transport.address(), "ioap.v1");
        String nextId = handler.nextOpened().id();
        next.send("{\"after\":\"restart\"}");
        handler.expect(nextId, "opened", "text:{\"after\":\"restart\"}");
    }
}
