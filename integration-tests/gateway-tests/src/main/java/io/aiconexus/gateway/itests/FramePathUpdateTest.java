package io.aiconexus.gateway.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.ArrayList;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

import io.aiconexus.gateway.testsupport.GatewayTestBase;
import io.aiconexus.gateway.testsupport.TestAgent;
import io.aiconexus.gateway.testsupport.Traffic;
import io.aiconexus.gateway.protocol.MessageType;

/**
 * A bundle on the frame path (the router, the verifier) is updated while agents exchange
 * frames: agents stay connected, and every frame sent during the swap arrives, once, in order.
 */
class FramePathUpdateTest extends GatewayTestBase {
    private static final int PAIRS = 20;

    @InjectBundleContext
    BundleContext context;

    @ParameterizedTest(name = "update {0}")
    @ValueSource(strings = { "io.aiconexus.gateway.router", "io.aiconexus.gateway.verification" })
    void updatingABundleOnTheFramePathUnderTrafficLosesNoFrame(String symbolicName) throws Exception {
        List<TestAgent> agents = Traffic.registerAgents(kit(), PAIRS * 2, 20);
        ExecutorService pool = Executors.newFixedThreadPool(PAIRS * 2);
        AtomicBoolean sending = new AtomicBoolean(true);
        CountDownLatch warmedUp = new CountDownLatch(PAIRS);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            List<Future<long[]>> received = new ArrayList<>();
            for (int p = 0; p < PAIRS; p++) {
                TestAgent sender = agents.get(2 * p);
                TestAgent receiver = agents.get(2 * p + 1);
                sent.add(pool.submit(() -> {
                    int n = 0;
                    while (sending.get()) {
                        sender.send(MessageType.ICE_CANDIDATE, receiver.did(), sender.payload().put("candidate", "c" + n));
                        if (++n == 20) {
                            warmedUp.countDown();
                        }
                        Thread.sleep(2);
                    }
                    return n;
                }));
                received.add(pool.submit(() -> receiveInOrder(receiver, sending)));
            }
            assertTrue(warmedUp.await(30, TimeUnit.SECONDS));

            List<Long> idsBefore = bundleIds();
            Bundle updated = Arrays.stream(context.getBundles())
                    .filter(b -> b.getSymbolicName().equals(symbolicName)).findFirst().orElseThrow();
            long revisionBefore = updated.getLastModified();
            List<String> stoppedOthers = new java.util.concurrent.CopyOnWriteArrayList<>();
            org.osgi.framework.BundleListener watcher = event -> {
                if (event.getType() == org.osgi.framework.BundleEvent.STOPPED && event.getBundle() != updated) {
                    stoppedOthers.add(event.getBundle().getSymbolicName());
                }
            };
            context.addBundleListener(watcher);
            // no refresh: the bundle imports the API it exports, so its new revision wires to the
            // API classes everyone already uses and nothing else has to restart
            updated.update();
            context.removeBundleListener(watcher);
            assertEquals(Bundle.ACTIVE, updated.getState());
            assertTrue(updated.getLastModified() >= revisionBefore);
            Thread.sleep(300);
            sending.set(false);

            long longestPauseMillis = 0;
            for (int p = 0; p < PAIRS; p++) {
                int count = sent.get(p).get(30, TimeUnit.SECONDS);
                long[] result = received.get(p).get(30, TimeUnit.SECONDS);
                assertEquals(count, result[0], "pair " + p + ": frames sent vs received in order");
                longestPauseMillis = Math.max(longestPauseMillis, result[1]);
            }
            for (int p = 0; p < PAIRS; p++) {
                String unexpected = agents.get(2 * p).pollText(java.time.Duration.ofMillis(50));
                assertEquals(null, unexpected, "a sender must get no ERROR during the update");
            }
            assertEquals(bundleIds(), idsBefore, "no bundle was installed or uninstalled");
            assertEquals(List.of(), stoppedOthers, "no other bundle was stopped by the update");
            for (TestAgent agent : agents) {
                assertFalse(agent.socket().isClosed(), "agents stay connected across the update");
                assertTrue(registry.byDid(agent.did()).isPresent());
            }
            System.out.println("FramePathUpdateTest: longest pause seen by a receiver while updating " + symbolicName
                    + ": " + longestPauseMillis + " ms");
        } finally {
            sending.set(false);
            pool.shutdownNow();
            Traffic.closeAll(agents);
        }
    }

    private List<Long> bundleIds() {
        return Arrays.stream(context.getBundles()).map(Bundle::getBundleId).sorted().toList();
    }

    /** Returns {frames received in order, longest gap between two in ms}; fails on a gap in the sequence. */
    private static long[] receiveInOrder(TestAgent receiver, AtomicBoolean sending) throws Exception {
        long expected = 0;
        long longestGap = 0;
        long last = System.nanoTime();
        while (true) {
            String text = receiver.pollText(sending.get() ? TestAgent.WAIT : java.time.Duration.ofSeconds(3));
            if (text == null) {
                return new long[] { expected, longestGap };
            }
            long now = System.nanoTime();
            longestGap = Math.max(longestGap, TimeUnit.NANOSECONDS.toMillis(now - last));
            last = now;
            String candidate = TestAgent.json(text).at("/payload/candidate").asText();
            assertEquals("c" + expected, candidate, "frames arrive once and in order");
            expected++;
        }
    }
}
