package io.aiconexus.gateway.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.ErrorCode;
import io.aiconexus.gateway.sdk.AgentKeys;
import io.aiconexus.gateway.sdk.GatewayErrorException;
import io.aiconexus.gateway.sdk.Message;
import io.aiconexus.gateway.sdk.Messages;

/** Correlating answers with requests, and the deadlines of those never answered. */
class PendingRequestsTest {
    private static final AgentIdentity ALICE = AgentKeys.generate();
    private static final AgentIdentity BOB = AgentKeys.generate();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final PendingRequests pending = new PendingRequests(timers);

    @AfterEach
    void stopTimers() {
        timers.shutdownNow();
    }

    @Test
    void theCorrelatedAnswerCompletesTheRequest() throws Exception {
        Envelope request = new Frames(ALICE).sign(Messages.execRequest(BOB.did(), null));
        CompletableFuture<Envelope> answer = pending.add(request.id(), Duration.ofMinutes(1), "EXEC_REQUEST");
        Envelope response = new Frames(BOB).sign(Messages.execResponse(request, 42));

        assertFalse(pending.answer(new Frames(BOB).sign(Messages.offer(ALICE.did(), "v=0"))), "not an answer");
        assertTrue(pending.answer(response));

        assertEquals(response.id(), answer.get(1, TimeUnit.SECONDS).id());
        assertEquals(0, pending.size());
    }

    @Test
    void anErrorAnswerFailsTheRequestWithItsCode() {
        Envelope request = new Frames(ALICE).sign(Messages.execRequest(BOB.did(), null));
        CompletableFuture<Envelope> answer = pending.add(request.id(), Duration.ofMinutes(1), "EXEC_REQUEST");

        pending.answer(new Frames(BOB).sign(Messages.error(request, ErrorCode.TIMEOUT, "too slow")));

        ExecutionException failure = assertThrows(ExecutionException.class, answer::get);
        GatewayErrorException error = assertInstanceOf(GatewayErrorException.class, failure.getCause());
        assertEquals("TIMEOUT", error.code());
        assertEquals("too slow", error.errorMessage());
    }

    @Test
    void noAnswerInTimeFailsTheRequestWithATimeout() {
        Message request = Messages.execRequest(BOB.did(), null);
        CompletableFuture<Envelope> answer = pending.add(request.id(), Duration.ofMillis(20), "EXEC_REQUEST " + request.id());

        ExecutionException failure = assertThrows(ExecutionException.class, () -> answer.get(10, TimeUnit.SECONDS));

        assertInstanceOf(TimeoutException.class, failure.getCause());
        assertTrue(failure.getCause().getMessage().contains(request.id()));
        assertEquals(0, pending.size());
    }

    @Test
    void theSameIdCannotWaitTwice() {
        pending.add("one", Duration.ofMinutes(1), "x");

        assertThrows(IllegalArgumentException.class, () -> pending.add("one", Duration.ofMinutes(1), "x"));
    }
}
