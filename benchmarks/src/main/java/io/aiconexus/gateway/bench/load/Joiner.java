package io.aiconexus.gateway.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Connects and registers agents with at most {@code concurrency} joins in flight, timing each from the
 * start of its TCP connect to the server's acknowledgement (the gateway's REGISTER ack; nats-server's
 * PONG to the PING after SUB); and the sweep, one round trip
 * on every registered agent.
 */
final class Joiner {
    private static final long JOIN_TIMEOUT_SECONDS = 30;

    /** The outcome of a join: who registered, how long each took (µs), why the others failed. */
    record Result(List<LoadAgent> registered, Histogram latencyMicros, Histogram upgradeMicros, Histogram registerMicros,
            Map<String, Long> failures, double seconds) {
    }

    /** The outcome of a sweep. */
    record SweepResult(int pairs, int answered, Map<String, Long> failures, double seconds) {
    }

    private Joiner() {
    }

    static Result join(List<LoadAgent> agents, HttpClient http, URI url, int concurrency, Progress progress)
            throws InterruptedException {
        Semaphore permits = new Semaphore(concurrency);
        CountDownLatch done = new CountDownLatch(agents.size());
        Recorder latency = new Recorder(TimeUnit.SECONDS.toMicros(JOIN_TIMEOUT_SECONDS * 2), 3);
        // the two halves of a join: TCP connect + WebSocket upgrade, then REGISTER (or SUB + PING) -> acknowledgement
        Recorder upgrade = new Recorder(TimeUnit.SECONDS.toMicros(JOIN_TIMEOUT_SECONDS * 2), 3);
        Recorder register = new Recorder(TimeUnit.SECONDS.toMicros(JOIN_TIMEOUT_SECONDS * 2), 3);
        ConcurrentHashMap<String, LongAdder> failures = new ConcurrentHashMap<>();
        AtomicInteger registered = new AtomicInteger();
        long start = System.nanoTime();
        progress.status(() -> String.format("join: %,d/%,d registered, %,d failed, %,d in flight", registered.get(),
                agents.size(), failures.values().stream().mapToLong(LongAdder::sum).sum(),
                concurrency - permits.availablePermits()));
        for (LoadAgent agent : agents) {
            permits.acquire();
            long t0 = System.nanoTime();
            long[] opened = new long[1];
            agent.connect(http, url).thenCompose(socket -> {
                opened[0] = System.nanoTime();
                agent.attach(socket);
                agent.join();
                return agent.registered;
            }).orTimeout(JOIN_TIMEOUT_SECONDS, TimeUnit.SECONDS).whenComplete((ok, error) -> {
                long now = System.nanoTime();
                permits.release();
                if (error == null) {
                    registered.incrementAndGet();
                    latency.recordValue(micros(now - t0));
                    upgrade.recordValue(micros(opened[0] - t0));
                    register.recordValue(micros(now - opened[0]));
                } else {
                    failures.computeIfAbsent(describe(error), k -> new LongAdder()).increment();
                }
                done.countDown();
            });
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        List<LoadAgent> ok = new ArrayList<>();
        for (LoadAgent agent : agents) {
            if (agent.registered.isDone() && !agent.registered.isCompletedExceptionally()) {
                ok.add(agent);
            }
        }
        return new Result(ok, latency.getIntervalHistogram(), upgrade.getIntervalHistogram(),
                register.getIntervalHistogram(), counts(failures), seconds);
    }

    /** One OFFER->ANSWER on every pair of registered agents, {@code concurrency} at a time. */
    static SweepResult sweep(List<LoadAgent> agents, Exchange exchange, int concurrency, Progress progress)
            throws InterruptedException {
        int pairs = agents.size() / 2;
        Semaphore permits = new Semaphore(concurrency);
        CountDownLatch done = new CountDownLatch(pairs);
        AtomicInteger answered = new AtomicInteger();
        ConcurrentHashMap<String, LongAdder> failures = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        progress.status(() -> String.format("sweep: %,d/%,d pairs answered, %,d in flight", answered.get(), pairs,
                exchange.inFlight()));
        for (int i = 0; i < pairs; i++) {
            permits.acquire();
            LoadAgent.Pair pair = new LoadAgent.Pair(i, agents.get(2 * i), agents.get(2 * i + 1));
            exchange.offer(pair, System.nanoTime()).whenComplete((ok, error) -> {
                permits.release();
                if (error == null) {
                    answered.incrementAndGet();
                } else {
                    failures.computeIfAbsent(describe(error), k -> new LongAdder()).increment();
                }
                done.countDown();
            });
        }
        done.await();
        return new SweepResult(pairs, answered.get(), counts(failures), (System.nanoTime() - start) / 1e9);
    }

    private static long micros(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMicros(nanos));
    }

    static String describe(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof java.net.http.WebSocketHandshakeException refused) {
            return "upgrade refused: HTTP " + refused.getResponse().statusCode();
        }
        String message = cause.getMessage();
        String text = cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.length() > 120 ? text.substring(0, 120) : text;
    }

    private static Map<String, Long> counts(Map<String, LongAdder> counts) {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((key, count) -> copy.put(key, count.sum()));
        return copy;
    }
}
