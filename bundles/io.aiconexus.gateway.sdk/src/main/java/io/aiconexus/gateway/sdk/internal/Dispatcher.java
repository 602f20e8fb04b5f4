package io.aiconexus.gateway.sdk.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.sdk.ClientError;
import io.aiconexus.gateway.sdk.ClientState;
import io.aiconexus.gateway.sdk.ErrorHandler;
import io.aiconexus.gateway.sdk.GatewayClient;
import io.aiconexus.gateway.sdk.MessageHandler;
import io.aiconexus.gateway.sdk.StateListener;

/**
 * Calls the user's handlers and listeners on one thread per client, in the order events happened,
 * away from the socket's thread: a slow or blocking handler delays later handlers, never the
 * reading of answers that complete pending requests.
 */
final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final ExecutorService thread;
    private final List<MessageHandler> anyType = new CopyOnWriteArrayList<>();
    private final Map<MessageType, List<MessageHandler>> byType = new EnumMap<>(MessageType.class);
    private final List<ErrorHandler> errorHandlers = new CopyOnWriteArrayList<>();
    private final List<StateListener> stateListeners = new CopyOnWriteArrayList<>();

    Dispatcher(String name) {
        for (MessageType type : MessageType.values()) {
            byType.put(type, new CopyOnWriteArrayList<>());
        }
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        });
    }

    void addHandler(MessageType type, MessageHandler handler) {
        (type == null ? anyType : byType.get(type)).add(handler);
    }

    void addErrorHandler(ErrorHandler handler) {
        errorHandlers.add(handler);
    }

    void addStateListener(StateListener listener) {
        stateListeners.add(listener);
    }

    void message(Envelope envelope, GatewayClient client) {
        run(() -> {
            deliver(byType.get(envelope.type()), envelope, client);
            deliver(anyType, envelope, client);
        });
    }

    void error(ClientError error) {
        run(() -> report(error));
    }

    void state(ClientState previous, ClientState current) {
        run(() -> {
            for (StateListener listener : stateListeners) {
                try {
                    listener.stateChanged(previous, current);
                } catch (RuntimeException e) {
                    report(new ClientError(ClientError.Kind.HANDLER_FAILED,
                            "state listener failed on " + previous + " -> " + current + ": " + e, null, null, e));
                }
            }
        });
    }

    /** Runs {@code task} after every event already dispatched. */
    void run(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException e) {
            // the client has ended: what it still had to say goes to the log
            LOG.debug("Event after the client ended, not dispatched: {}", task);
        }
    }

    /** Lets the events already dispatched run, then ends the thread. */
    void shutdown() {
        thread.shutdown();
    }

    private void deliver(List<MessageHandler> handlers, Envelope envelope, GatewayClient client) {
        for (MessageHandler handler : handlers) {
            try {
                handler.onMessage(envelope, client);
            } catch (Exception e) {
                report(new ClientError(ClientError.Kind.HANDLER_FAILED,
                        "handler failed on " + envelope.type() + " " + envelope.id() + ": " + e, envelope,
                        envelope.text(), e));
            }
        }
    }

    private void report(ClientError error) {
        if (errorHandlers.isEmpty()) {
            LOG.warn("{}", error.message());
            return;
        }
        for (ErrorHandler handler : errorHandlers) {
            try {
                handler.onError(error);
            } catch (RuntimeException e) {
                LOG.warn("Error handler failed on {}: {}", error, e.toString());
            }
        }
    }
}
