package io.aiconexus.gateway.router.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.osgi.framework.Constants;

/**
 * Whiteboard services in ranking order (highest first, then oldest). Reads take an immutable
 * snapshot without locking: the frame path iterates it for every frame.
 */
final class RankedServices<S, E> {
    private final Function<Map<String, Object>, Function<S, E>> entryFactory;
    private final List<Ranked<S, E>> all = new ArrayList<>();
    private volatile List<E> snapshot = List.of();

    /** {@code entryFactory} turns the service properties and the service into an entry. */
    RankedServices(Function<Map<String, Object>, Function<S, E>> entryFactory) {
        this.entryFactory = entryFactory;
    }

    synchronized void add(S service, Map<String, Object> properties) {
        all.add(new Ranked<>(service, ranking(properties), serviceId(properties),
                entryFactory.apply(properties).apply(service)));
        publish();
    }

    synchronized void remove(S service) {
        all.removeIf(ranked -> ranked.service == service);
        publish();
    }

    List<E> snapshot() {
        return snapshot;
    }

    private void publish() {
        all.sort(Comparator.<Ranked<S, E>>comparingInt(r -> -r.ranking).thenComparingLong(r -> r.serviceId));
        List<E> entries = new ArrayList<>(all.size());
        for (Ranked<S, E> ranked : all) {
            entries.add(ranked.entry);
        }
        snapshot = List.copyOf(entries);
    }

    static int ranking(Map<String, Object> properties) {
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        return ranking instanceof Integer value ? value : 0;
    }

    private static long serviceId(Map<String, Object> properties) {
        Object id = properties.get(Constants.SERVICE_ID);
        return id instanceof Long value ? value : Long.MAX_VALUE;
    }

    private record Ranked<S, E>(S service, int ranking, long serviceId, E entry) {
    }
}
