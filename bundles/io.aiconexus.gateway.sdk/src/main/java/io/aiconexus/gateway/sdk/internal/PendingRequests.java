package io.aiconexus.gateway.sdk.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.sdk.GatewayErrorException;

/** Requests waiting for the frame whose {@code correlation_id} is their id, each with its deadline. */
final class PendingRequests {
    private final Map<String, CompletableFuture<Envelope>> waiting = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers;

    PendingRequests(ScheduledExecutorService timers) {
        this.timers = timers;
    }

    /**
     * Waits for the answer to frame {@code id}; fails with {@link TimeoutException} after {@code timeout}.
     *
     * @param what how the timeout names the request, e.g. "EXEC_REQUEST 1234"
     */
    CompletableFuture<Envelope> add(String id, Duration timeout, String what) {
        CompletableFuture<Envelope> answer = new CompletableFuture<>();
        if (waiting.putIfAbsent(id, answer) != null) {
            throw new IllegalArgumentException("a request with id " + id + " is already waiting for its answer");
        }
        ScheduledFuture<?> deadline = timers.schedule(() -> {
            if (waiting.remove(id, answer)) {
                answer.completeExceptionally(new TimeoutException("no answer to " + what + " within "
                        + timeout.toMillis() + " ms"));
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        answer.whenComplete((envelope, error) -> deadline.cancel(false));
        return answer;
    }

    /** Forgets request {@code id} (its frame could not be sent). */
    void remove(String id) {
        waiting.remove(id);
    }

    /**
     * Completes the request {@code frame} answers: normally, or with {@link GatewayErrorException}
     * for an ERROR. Returns whether {@code frame} answered a pending request.
     */
    boolean answer(Envelope frame) {
        String correlationId = frame.correlationId();
        CompletableFuture<Envelope> answer = correlationId == null ? null : waiting.remove(correlationId);
        if (answer == null) {
            return false;
        }
        if (frame.type() == MessageType.ERROR) {
            answer.completeExceptionally(new GatewayErrorException(frame));
        } else {
            answer.complete(frame);
        }
        return true;
    }

    /** Fails every waiting request with {@code reason}. */
    void failAll(RuntimeException reason) {
        for (String id : waiting.keySet()) {
            CompletableFuture<Envelope> answer = waiting.remove(id);
            if (answer != null) {
                answer.completeExceptionally(reason);
            }
        }
    }

    int size() {
        return waiting.size();
    }
}
