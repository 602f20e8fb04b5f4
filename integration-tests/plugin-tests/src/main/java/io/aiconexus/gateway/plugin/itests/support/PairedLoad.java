package io.aiconexus.gateway.plugin.itests.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAccumulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.testsupport.TestAgent;

/**
 * Agents in pairs, each sending its partner a numbered ICE_CANDIDATE at a fixed interval, and
 * every frame checked as it arrives: from the partner, the next number (a higher one is a loss,
 * a lower one a duplicate), and its delay from send to arrival (sender and receiver share the
 * JVM clock). Arrival delays are kept per named phase, so a report says which step paused traffic.
 */
public final class PairedLoad {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Link> links = new ArrayList<>();
    private final ScheduledExecutorService senders = Executors.newScheduledThreadPool(4, r -> {
        Thread thread = new Thread(r, "itest-load-sender");
        thread.setDaemon(true);
        return thread;
    });
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    private final Queue<String> sendFailures = new ConcurrentLinkedQueue<>();
    private final Map<String, LongAccumulator> longestDelayByPhase = new ConcurrentHashMap<>();
    private final List<String> phases = new ArrayList<>();
    private volatile String phase = "warm-up";

    /** Pairs {@code agents} (0 with 1, 2 with 3, ...) and starts both directions of every pair sending every {@code interval}. */
    public static PairedLoad start(List<TestAgent> agents, Duration interval) {
        PairedLoad load = new PairedLoad();
        load.phases.add(load.phase);
        for (int i = 0; i + 1 < agents.size(); i += 2) {
            load.links.add(load.new Link(agents.get(i), agents.get(i + 1)));
            load.links.add(load.new Link(agents.get(i + 1), agents.get(i)));
        }
        long step = interval.toNanos() / load.links.size();
        for (int i = 0; i < load.links.size(); i++) {
            Link link = load.links.get(i);
            link.to.socket().divert(link::received);
            // spread over the interval, so the load is even rather than 200 frames at once
            load.tasks.add(load.senders.scheduleAtFixedRate(link::sendNext, i * step, interval.toNanos(), TimeUnit.NANOSECONDS));
        }
        return load;
    }

    /** Names the step that frames arriving from now on are attributed to. */
    public void phase(String name) {
        phase = name;
        synchronized (phases) {
            phases.add(name);
        }
    }

    /**
     * Waits until every receiver has had {@code more} frames more than now: traffic flows through
     * every pair. Returns false if some receiver did not within {@code timeout}.
     */
    public boolean awaitFlowing(int more, Duration timeout) throws InterruptedException {
        List<Long> targets = new ArrayList<>();
        for (Link link : links) {
            targets.add(link.received() + more);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean all = true;
        for (int i = 0; i < links.size(); i++) {
            all &= links.get(i).awaitReceived(targets.get(i), Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
        return all;
    }

    /** Stops sending (waiting for sends under way), then waits for every frame sent to arrive or {@code timeout}. */
    public void stopAndDrain(Duration timeout) throws InterruptedException {
        tasks.forEach(task -> task.cancel(false));
        senders.shutdown();
        senders.awaitTermination(30, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Link link : links) {
            long sent;
            synchronized (link) {
                sent = link.sent;
            }
            link.awaitReceived(sent, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
    }

    /** Stops the senders without waiting: for a test that failed half-way. */
    public void abort() {
        senders.shutdownNow();
    }

    public Report report() {
        Report report = new Report();
        for (Link link : links) {
            synchronized (link) {
                report.sent += link.sent;
                report.received += link.received;
                report.lost += link.lost;
                report.duplicated += link.duplicated;
                report.unexpected += link.unexpected;
                report.longestGapMillis = Math.max(report.longestGapMillis, TimeUnit.NANOSECONDS.toMillis(link.longestGap));
                report.longestDelayMillis = Math.max(report.longestDelayMillis,
                        TimeUnit.NANOSECONDS.toMillis(link.longestDelay));
                if (link.firstOddity != null && report.oddities.size() < 5) {
                    report.oddities.add(link.firstOddity);
                }
                if (link.sent != link.received && report.oddities.size() < 5) {
                    report.oddities.add(link.from.did() + " -> " + link.to.did() + ": sent " + link.sent + ", received "
                            + link.received);
                }
            }
        }
        report.sendFailures.addAll(sendFailures);
        synchronized (phases) {
            for (String name : phases) {
                LongAccumulator delay = longestDelayByPhase.get(name);
                report.longestDelayByPhase.put(name, delay == null ? 0 : TimeUnit.NANOSECONDS.toMillis(delay.get()));
            }
        }
        return report;
    }

    /** What the receivers saw, summed over every pair. */
    public static final class Report {
        public long sent;
        public long received;
        public long lost;
        public long duplicated;
        public long unexpected;
        public long longestGapMillis;
        public long longestDelayMillis;
        public final Map<String, Long> longestDelayByPhase = new java.util.LinkedHashMap<>();
        public final List<String> oddities = new ArrayList<>();
        public final List<String> sendFailures = new ArrayList<>();

        @Override
        public String toString() {
            return sent + " frames sent, " + received + " received, " + lost + " lost, " + duplicated + " duplicated, "
                    + unexpected + " unexpected; longest pause between two frames at one receiver " + longestGapMillis
                    + " ms; longest send-to-arrival delay " + longestDelayMillis + " ms; longest delay by step "
                    + longestDelayByPhase + (oddities.isEmpty() ? "" : "; first oddities " + oddities)
                    + (sendFailures.isEmpty() ? "" : "; send failures " + sendFailures);
        }
    }

    /** One direction of a pair: its sender's counter and its receiver's checks. */
    private final class Link {
        final TestAgent from;
        final TestAgent to;
        long sent;
        long next;
        long received;
        long lost;
        long duplicated;
        long unexpected;
        long lastArrival;
        long longestGap;
        long longestDelay;
        String firstOddity;

        Link(TestAgent from, TestAgent to) {
            this.from = from;
            this.to = to;
        }

        /** Runs on a sender thread; a fixed-rate task never overlaps itself, so one send at a time. */
        void sendNext() {
            long sequence;
            synchronized (this) {
                sequence = sent;
            }
            try {
                from.send(MessageType.ICE_CANDIDATE, to.did(), from.payload().put("candidate", "seq-" + sequence)
                        .put("seq", sequence).put("sent_ns", System.nanoTime()));
                synchronized (this) {
                    sent = sequence + 1;
                }
            } catch (Exception e) {
                sendFailures.add(from.did() + " frame " + sequence + ": " + e);
                throw new IllegalStateException("send failed", e);
            }
        }

        /** Runs on the receiver's socket thread, in arrival order. */
        synchronized void received(String text) {
            long now = System.nanoTime();
            JsonNode frame;
            try {
                frame = JSON.readTree(text);
            } catch (Exception e) {
                odd("unreadable frame " + text);
                return;
            }
            if (!"ICE_CANDIDATE".equals(frame.path("type").asText()) || !from.did().equals(frame.path("from").asText())) {
                odd("unexpected frame at " + to.did() + ": " + text);
                return;
            }
            long sequence = frame.at("/payload/seq").asLong();
            long delay = now - frame.at("/payload/sent_ns").asLong();
            longestDelay = Math.max(longestDelay, delay);
            longestDelayByPhase.computeIfAbsent(phase, name -> new LongAccumulator(Math::max, 0)).accumulate(delay);
            if (received > 0) {
                longestGap = Math.max(longestGap, now - lastArrival);
            }
            lastArrival = now;
            received++;
            if (sequence == next) {
                next++;
            } else if (sequence > next) {
                lost += sequence - next;
                note("frames " + next + " to " + (sequence - 1) + " from " + from.did() + " never arrived");
                next = sequence + 1;
            } else {
                duplicated++;
                note("frame " + sequence + " from " + from.did() + " arrived again after " + (next - 1));
            }
            notifyAll();
        }

        private void odd(String what) {
            unexpected++;
            note(what);
            notifyAll();
        }

        private void note(String what) {
            if (firstOddity == null) {
                firstOddity = what;
            }
        }

        synchronized long received() {
            return received;
        }

        synchronized boolean awaitReceived(long count, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (received < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }
}
