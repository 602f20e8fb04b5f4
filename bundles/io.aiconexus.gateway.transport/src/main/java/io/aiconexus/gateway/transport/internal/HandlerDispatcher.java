package io.aiconexus.gateway.transport.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.aiconexus.gateway.transport.ConnectionHandler;

/**
 * Hands connection events to the current {@link ConnectionHandler}, or holds them while there is none.
 *
 * <p>Each event is delivered under the read lock and a handler is swapped under the write lock, so a swap waits
 * for the calls in progress: every event is handled completely by the old handler or held for the new one, never
 * lost and never seen by both. Held events are bounded in total; {@link ConnectionEvent.Closed} is always taken
 * (at most one per connection) so a handler never misses the end of a connection it has seen open.
 */
final class HandlerDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(HandlerDispatcher.class);

    private final ReentrantReadWriteLock swap = new ReentrantReadWriteLock();
    private final Executor replayExecutor;
    private final AtomicInteger held = new AtomicInteger();
    private final Set<ConnectionEvents> waiting = ConcurrentHashMap.newKeySet();
    private volatile int capacity;
    private ConnectionHandler handler; // written under the write lock, read under the read lock

    HandlerDispatcher(int capacity, Executor replayExecutor) {
        this.capacity = capacity;
        this.replayExecutor = replayExecutor;
    }

    void capacity(int events) {
        capacity = events;
    }

    /** Events not yet taken by a handler, over all connections. */
    int held() {
        return held.get();
    }

    /**
     * Passes the event on, or holds it.
     *
     * @return false when the buffer is full: the event was not taken and the caller must shed the connection
     */
    boolean offer(ConnectionEvents inbox, ConnectionEvent event) {
        if (event instanceof ConnectionEvent.Closed) {
            held.incrementAndGet();
        } else if (!reserveSlot()) {
            return false;
        }
        if (inbox.append(event)) {
            drain(inbox);
        }
        return true;
    }

    void bind(ConnectionHandler next) {
        swapTo(next, null);
    }

    void unbind(ConnectionHandler gone) {
        swapTo(null, gone);
    }

    /** Forgets the events still held (the transport stops); returns how many there were. */
    int discardHeld() {
        int dropped = 0;
        for (ConnectionEvents inbox : waiting) {
            waiting.remove(inbox);
            int n = inbox.discard();
            held.addAndGet(-n);
            dropped += n;
        }
        return dropped;
    }

    private void swapTo(ConnectionHandler next, ConnectionHandler expected) {
        if (swap.getReadHoldCount() > 0) {
            // Called from inside a handler call: waiting for the calls in progress would wait for ourselves.
            LOG.warn("connection handler swapped from inside a handler call; completing the swap asynchronously");
            replayExecutor.execute(() -> swapTo(next, expected));
            return;
        }
        Lock write = swap.writeLock();
        write.lock();
        try {
            if (expected != null && handler != expected) {
                return; // a replacement is already bound (greedy rebinding binds the new one first)
            }
            handler = next;
        } finally {
            write.unlock();
        }
        if (next != null) {
            replayHeld();
        }
    }

    private void replayHeld() {
        for (ConnectionEvents inbox : waiting) {
            waiting.remove(inbox);
            Runnable replay = () -> {
                if (inbox.claim()) {
                    drain(inbox);
                }
            };
            try {
                replayExecutor.execute(replay);
            } catch (RejectedExecutionException stopping) {
                replay.run();
            }
        }
    }

    private void drain(ConnectionEvents inbox) {
        Lock read = swap.readLock();
        while (true) {
            read.lock();
            try {
                ConnectionHandler current = handler;
                if (current == null) {
                    // Parked under the read lock: a handler bound after this sees the inbox in waiting.
                    inbox.park();
                    waiting.add(inbox);
                    return;
                }
                ConnectionEvent event = inbox.next();
                if (event == null) {
                    return;
                }
                held.decrementAndGet();
                deliver(current, inbox, event);
            } finally {
                read.unlock();
            }
        }
    }

    private static void deliver(ConnectionHandler handler, ConnectionEvents inbox, ConnectionEvent event) {
        try {
            event.deliverTo(handler, inbox.connection());
        } catch (RuntimeException e) {
            LOG.warn("connection handler {} failed on {} for {}", handler, event.getClass().getSimpleName(),
                    inbox.connection(), e);
        }
    }

    private boolean reserveSlot() {
        while (true) {
            int now = held.get();
            if (now >= capacity) {
                return false;
            }
            if (held.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }
}
