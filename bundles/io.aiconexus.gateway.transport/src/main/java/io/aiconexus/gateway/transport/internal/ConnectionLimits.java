package io.aiconexus.gateway.transport.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admission at the upgrade: a slot is reserved before the socket is accepted, so a burst of upgrades cannot
 * overshoot the caps, and released when the socket closes.
 */
final class ConnectionLimits {
    /** An upgrade that never turns into an open socket gives its slot back after this long. */
    static final long UNOPENED_RESERVATION_NANOS = 30_000_000_000L;

    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<String, Integer> perHost = new ConcurrentHashMap<>();
    private final Set<Reservation> unopened = ConcurrentHashMap.newKeySet();
    private volatile int maxTotal;
    private volatile int maxPerHost;
    private volatile boolean closed;

    ConnectionLimits(int maxTotal, int maxPerHost) {
        limits(maxTotal, maxPerHost);
    }

    void limits(int maxTotal, int maxPerHost) {
        this.maxTotal = maxTotal;
        this.maxPerHost = maxPerHost;
    }

    /** Refuse every upgrade from now on (shutting down). */
    void close() {
        closed = true;
    }

    void open() {
        closed = false;
    }

    /** A slot for one more connection from host, or the reason there is none. */
    Admission admit(String host) {
        if (closed) {
            return new Refused("shutting_down", "the gateway is shutting down", 0);
        }
        int limit = maxTotal;
        if (total.incrementAndGet() > limit) {
            total.decrementAndGet();
            return new Refused("too_many_connections", "the gateway holds its maximum of " + limit
                    + " connections", limit);
        }
        int perHostLimit = maxPerHost;
        boolean[] admitted = new boolean[1];
        perHost.compute(host, (key, count) -> {
            int now = count == null ? 0 : count;
            admitted[0] = now < perHostLimit;
            return admitted[0] ? now + 1 : count;
        });
        if (!admitted[0]) {
            total.decrementAndGet();
            return new Refused("too_many_connections_from_address", "connection limit of " + perHostLimit
                    + " per address reached", perHostLimit);
        }
        Reservation reservation = new Reservation(host, System.nanoTime());
        unopened.add(reservation);
        return reservation;
    }

    int connections() {
        return total.get();
    }

    int connectionsFrom(String host) {
        return perHost.getOrDefault(host, 0);
    }

    /** Frees the slots of upgrades that never opened a socket. */
    void sweepUnopened(long nowNanos) {
        for (Reservation reservation : unopened) {
            if (nowNanos - reservation.reservedAtNanos > UNOPENED_RESERVATION_NANOS) {
                reservation.release();
            }
        }
    }

    sealed interface Admission {
    }

    record Refused(String error, String message, int limit) implements Admission {
    }

    final class Reservation implements Admission {
        private final String host;
        private final long reservedAtNanos;
        private final AtomicBoolean released = new AtomicBoolean();

        private Reservation(String host, long reservedAtNanos) {
            this.host = host;
            this.reservedAtNanos = reservedAtNanos;
        }

        void opened() {
            unopened.remove(this);
        }

        /** Idempotent: the close and the sweep may both get here. */
        void release() {
            if (released.compareAndSet(false, true)) {
                unopened.remove(this);
                total.decrementAndGet();
                perHost.computeIfPresent(host, (key, count) -> count <= 1 ? null : count - 1);
            }
        }
    }
}
