package io.aiconexus.gateway.sdk.itests.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.sdk.ClientError;
import io.aiconexus.gateway.sdk.ClientState;
import io.aiconexus.gateway.sdk.ErrorHandler;
import io.aiconexus.gateway.sdk.GatewayClient;
import io.aiconexus.gateway.sdk.MessageHandler;
import io.aiconexus.gateway.sdk.StateListener;

/** Everything one client's handlers were told, in order, for a test to wait on. */
public final class Recorder implements MessageHandler, ErrorHandler, StateListener {
    public static final Duration WAIT = Duration.ofSeconds(15);

    private final LinkedBlockingQueue<Envelope> messages = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<ClientError> errors = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<ClientState> states = new LinkedBlockingQueue<>();

    /** A recorder attached to every handler slot of {@code client}. */
    public static Recorder on(GatewayClient client) {
        Recorder recorder = new Recorder();
        client.onMessage(recorder).onError(recorder).onStateChange(recorder);
        return recorder;
    }

    @Override
    public void onMessage(Envelope message, GatewayClient client) {
        messages.add(message);
    }

    @Override
    public void onError(ClientError error) {
        errors.add(error);
    }

    @Override
    public void stateChanged(ClientState previous, ClientState current) {
        states.add(current);
    }

    /** The next delivered frame; fails the test if none comes in time. */
    public Envelope nextMessage() throws InterruptedException {
        Envelope message = messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            fail("no frame delivered within " + WAIT + "; errors so far: " + errors);
        }
        return message;
    }

    /** The next delivered frame within {@code quiet}, or null. */
    public Envelope pollMessage(Duration quiet) throws InterruptedException {
        return messages.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next error of {@code kind}, skipping others; fails the test if none comes in time. */
    public ClientError nextError(ClientError.Kind kind) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            ClientError error = errors.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (error == null) {
                fail("no " + kind + " error within " + WAIT);
            }
            if (error.kind() == kind) {
                return error;
            }
        }
    }

    /** Waits until the client has entered {@code state} (states before it are passed over). */
    public void awaitState(ClientState state) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            ClientState next = states.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                fail("the client did not become " + state + " within " + WAIT + "; errors so far: " + errors);
            }
            if (next == state) {
                return;
            }
        }
    }

    public int pendingMessages() {
        return messages.size();
    }
}
