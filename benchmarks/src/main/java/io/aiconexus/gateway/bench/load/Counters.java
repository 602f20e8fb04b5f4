package io.aiconexus.gateway.bench.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What happened to the frames of one traffic phase. */
final class Counters {
    final LongAdder offersSent = new LongAdder();
    final LongAdder offersReceived = new LongAdder();
    final LongAdder answersSent = new LongAdder();
    final LongAdder answersReceived = new LongAdder();
    /** Frames delivered to agents (OFFERs and ANSWERs) while the measured window was open. */
    final LongAdder deliveredInWindow = new LongAdder();
    /** Round trips answered by an ERROR instead of an ANSWER. */
    final LongAdder refused = new LongAdder();
    /** Round trips with no ANSWER within the timeout. */
    final LongAdder timedOut = new LongAdder();
    /** ANSWERs that came after their round trip had timed out. */
    final LongAdder lateAnswers = new LongAdder();
    /** Frames no rule expected (e.g. a second REGISTER ack). */
    final LongAdder unexpected = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> closes = new ConcurrentHashMap<>();

    void error(String code) {
        errors.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    void closed(String why) {
        closes.computeIfAbsent(why, c -> new LongAdder()).increment();
    }

    long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<String, Long> errors() {
        return snapshot(errors);
    }

    Map<String, Long> closes() {
        return snapshot(closes);
    }

    /**
     * Frames lost: sent by an agent and never delivered to the other, counted both ways. Read when
     * nothing is in flight any more (after the drain).
     */
    long framesLost() {
        return Math.max(0, offersSent.sum() - offersReceived.sum()) + Math.max(0, answersSent.sum() - answersReceived.sum());
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counts) {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((key, count) -> copy.put(key, count.sum()));
        return copy;
    }
}
