package io.aiconexus.gateway.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/** Many agents at once: connecting with bounded concurrency, and pairing them up. */
public final class Traffic {

    private Traffic() {
    }

    /** Connects and registers {@code count} agents, at most {@code parallel} handshakes at a time. */
    public static List<TestAgent> registerAgents(Toolkit kit, int count, int parallel) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        Semaphore gate = new Semaphore(parallel);
        try {
            List<Future<TestAgent>> pending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                pending.add(pool.submit(() -> {
                    gate.acquire();
                    try {
                        return TestAgent.registered(kit);
                    } finally {
                        gate.release();
                    }
                }));
            }
            List<TestAgent> agents = new ArrayList<>(count);
            for (Future<TestAgent> future : pending) {
                agents.add(future.get());
            }
            return agents;
        } finally {
            pool.shutdown();
        }
    }

    public static void closeAll(List<TestAgent> agents) {
        agents.forEach(TestAgent::close);
    }
}
