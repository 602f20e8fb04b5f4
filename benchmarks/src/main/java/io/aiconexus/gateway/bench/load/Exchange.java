package io.aiconexus.gateway.bench.load;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.bench.Platform;
import io.aiconexus.gateway.protocol.MessageType;

/**
 * The agents' side of the protocol, whichever server routes the envelopes (the gateway or nats-server):
 * takes the gateway's REGISTER acknowledgements, answers every OFFER with a signed
 * ANSWER, and times each OFFER->ANSWER round trip from its intended send time, so that a sender held
 * up (by the pacer falling behind, a busy socket or a stalled gateway) is charged for the wait
 * (coordinated omission corrected). In closed loop a pair sends its next OFFER when its ANSWER (or
 * an ERROR, or the timeout) arrives.
 */
final class Exchange implements LoadAgent.Inbox {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long LONGEST_MICROS = TimeUnit.SECONDS.toMicros(Traffic.MAX_DRAIN_SECONDS + 120);
    /** How long a timed-out round trip is still waited for before it counts as lost for good. */
    private static final long FORGET_AFTER_NANOS = TimeUnit.SECONDS.toNanos(Traffic.MAX_DRAIN_SECONDS + 60);
    private final Platform platform;
    private final String offerSdp;
    private final String answerSdp;
    private final boolean closedLoop;
    private final long timeoutNanos;
    private final ConcurrentHashMap<String, Pending> pending = new ConcurrentHashMap<>();
    /** Every round trip, for the progress line; {@link #measuredTrips} only those intended inside the window. */
    private final Recorder allTrips = new Recorder(LONGEST_MICROS, 3);
    private final Recorder measuredTrips = new Recorder(LONGEST_MICROS, 3);
    private Histogram interval;
    private volatile Counters counters = new Counters();
    private volatile boolean sending;
    private volatile boolean closing;
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;

    /**
     * A round trip waiting for its ANSWER. One that times out stays here, so that an ANSWER arriving
     * later is still timed: dropping it would leave the slowest round trips out of the figures. Its
     * outcome (answered, refused, timed out) is settled once, by whichever comes first, so a
     * closed-loop pair never goes on twice.
     */
    private static final class Pending {
        final LoadAgent.Pair pair;
        final long intendedNanos;
        final boolean measured;
        final CompletableFuture<Void> done;
        private final AtomicBoolean settled = new AtomicBoolean();

        Pending(LoadAgent.Pair pair, long intendedNanos, boolean measured, CompletableFuture<Void> done) {
            this.pair = pair;
            this.intendedNanos = intendedNanos;
            this.measured = measured;
            this.done = done;
        }

        /** True for the first caller only. */
        boolean settle() {
            return settled.compareAndSet(false, true);
        }
    }

    Exchange(Platform platform, String offerSdp, String answerSdp, boolean closedLoop, long timeoutNanos) {
        this.platform = platform;
        this.offerSdp = offerSdp;
        this.answerSdp = answerSdp;
        this.closedLoop = closedLoop;
        this.timeoutNanos = timeoutNanos;
    }

    Counters counters() {
        return counters;
    }

    /** Starts a new phase with fresh counters; call when nothing is in flight. */
    Counters newPhase() {
        counters = new Counters();
        return counters;
    }

    void sending(boolean on) {
        sending = on;
    }

    /** From now on, closes are the run ending, not failures. */
    void closing() {
        closing = true;
    }

    /** Round trips intended in [start, end) are measured; frames delivered in it are counted. */
    void window(long startNanos, long endNanos) {
        windowStart = startNanos;
        windowEnd = endNanos;
    }

    int inFlight() {
        return pending.size();
    }

    /** Signs and sends an OFFER of {@code pair}, timed from {@code intendedNanos}. */
    CompletableFuture<Void> offer(LoadAgent.Pair pair, long intendedNanos) {
        LoadAgent caller = pair.caller();
        ObjectNode envelope = platform.codec.newEnvelope(MessageType.OFFER, caller.did(), pair.callee().did(), null,
                platform.codec.objectNode().put("sdp", offerSdp));
        String id = envelope.get("id").asText();
        String text = platform.codec.write(platform.signer.sign(caller.identity, envelope));
        CompletableFuture<Void> done = new CompletableFuture<>();
        boolean inWindow = intendedNanos >= windowStart && intendedNanos < windowEnd;
        // recorded before the send: the ANSWER can arrive before send() returns
        pending.put(id, new Pending(pair, intendedNanos, inWindow, done));
        counters.offersSent.increment();
        caller.send(pair.callee().did(), text);
        return done;
    }

    /**
     * Marks round trips unanswered for longer than the timeout (a closed-loop pair then goes on with a
     * new OFFER); returns how many. Their ANSWERs are still timed if they come.
     */
    int expire(long nowNanos) {
        int expired = 0;
        for (var entry : pending.entrySet()) {
            Pending p = entry.getValue();
            long age = nowNanos - p.intendedNanos;
            if (age > FORGET_AFTER_NANOS) {
                pending.remove(entry.getKey(), p);
            }
            if (age > timeoutNanos && p.settle()) {
                counters.timedOut.increment();
                p.done.completeExceptionally(new TimeoutException("no ANSWER within the timeout"));
                next(p.pair);
                expired++;
            }
        }
        return expired;
    }


    /** The round trips completed since the last call, in microseconds: for the progress line. */
    synchronized Histogram takeInterval() {
        interval = allTrips.getIntervalHistogram(interval);
        return interval;
    }

    /** The round trips intended inside the measured window, in microseconds; resets it. */
    Histogram takeMeasured() {
        return measuredTrips.getIntervalHistogram();
    }

    @Override
    public void frame(LoadAgent agent, String envelope) {
        long now = System.nanoTime();
        JsonNode frame;
        try {
            frame = JSON.readTree(envelope);
        } catch (IOException e) {
            counters.unexpected.increment();
            return;
        }
        switch (frame.path("type").asText()) {
            case "REGISTER" -> {
                if (!agent.registered.isDone() && agent.acknowledgesJoin(frame.path("correlation_id").asText())) {
                    agent.registered.complete(null);
                } else {
                    counters.unexpected.increment();
                }
            }
            case "OFFER" -> answer(agent, frame, now);
            case "ANSWER" -> answered(frame, now);
            case "ERROR" -> refused(agent, frame);
            default -> counters.unexpected.increment();
        }
    }

    @Override
    public void error(LoadAgent agent, String code) {
        counters.error(code);
        if (!agent.registered.isDone()) {
            agent.registered.completeExceptionally(new IllegalStateException("join refused: " + code));
        }
    }

    @Override
    public void closed(LoadAgent agent, int code, String reason) {
        if (!agent.registered.isDone()) {
            agent.registered.completeExceptionally(new IllegalStateException("closed " + code + " " + reason));
        }
        if (!closing) {
            counters.closed(code + (reason == null || reason.isEmpty() ? "" : " " + reason));
        }
    }

    private void answer(LoadAgent callee, JsonNode offer, long now) {
        Counters c = counters;
        c.offersReceived.increment();
        countDelivered(c, now);
        String caller = offer.path("from").asText();
        ObjectNode envelope = platform.codec.newEnvelope(MessageType.ANSWER, callee.did(), caller,
                offer.path("id").asText(), platform.codec.objectNode().put("sdp", answerSdp));
        c.answersSent.increment();
        callee.send(caller, platform.codec.write(platform.signer.sign(callee.identity, envelope)));
    }

    private void answered(JsonNode answer, long now) {
        Counters c = counters;
        c.answersReceived.increment();
        countDelivered(c, now);
        Pending p = pending.remove(answer.path("correlation_id").asText());
        if (p == null) {
            c.unexpected.increment();
            return;
        }
        long micros = Math.max(1, TimeUnit.NANOSECONDS.toMicros(now - p.intendedNanos));
        allTrips.recordValue(Math.min(micros, LONGEST_MICROS));
        if (p.measured) {
            measuredTrips.recordValue(Math.min(micros, LONGEST_MICROS));
        }
        if (!p.settle()) {
            // it timed out first, and the pair went on then
            c.lateAnswers.increment();
            return;
        }
        p.done.complete(null);
        next(p.pair);
    }

    private void refused(LoadAgent agent, JsonNode error) {
        String code = error.path("payload").path("code").asText("UNKNOWN");
        counters.error(code);
        if (!agent.registered.isDone()) {
            agent.registered.completeExceptionally(new IllegalStateException("REGISTER refused: " + code));
            return;
        }
        Pending p = pending.remove(error.path("correlation_id").asText(""));
        if (p != null && p.settle()) {
            counters.refused.increment();
            p.done.completeExceptionally(new IllegalStateException("refused: " + code));
            next(p.pair);
        }
    }

    private void next(LoadAgent.Pair pair) {
        if (closedLoop && sending) {
            offer(pair, System.nanoTime());
        }
    }

    private void countDelivered(Counters c, long now) {
        if (now >= windowStart && now < windowEnd) {
            c.deliveredInWindow.increment();
        }
    }
}
