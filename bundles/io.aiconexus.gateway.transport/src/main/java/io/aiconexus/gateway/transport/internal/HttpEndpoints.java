package io.aiconexus.gateway.transport.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.Constants;

import io.aiconexus.gateway.transport.HttpEndpoint;

/**
 * The HTTP endpoint whiteboard: which endpoint serves a path. An exact {@link HttpEndpoint#PATH} wins over a
 * prefix ({@code /x/*} serves {@code /x} and everything under it), a longer prefix over a shorter one, and a
 * higher service ranking over a lower one for the same path.
 */
final class HttpEndpoints {
    private static final Comparator<Entry> PREFERRED = Comparator.comparingInt(Entry::ranking).reversed()
            .thenComparingLong(Entry::serviceId);

    private final CopyOnWriteArrayList<Entry> entries = new CopyOnWriteArrayList<>();

    /** Returns the path the endpoint serves, or {@code null} when its properties name none. */
    String add(HttpEndpoint endpoint, Map<String, ?> properties) {
        Object path = properties.get(HttpEndpoint.PATH);
        if (!(path instanceof String text) || !text.startsWith("/")) {
            return null;
        }
        entries.add(new Entry(endpoint, text, intProperty(properties.get(Constants.SERVICE_RANKING)),
                longProperty(properties.get(Constants.SERVICE_ID))));
        return text;
    }

    void remove(HttpEndpoint endpoint) {
        entries.removeIf(entry -> entry.endpoint == endpoint);
    }

    Optional<HttpEndpoint> find(String path) {
        Entry best = null;
        int bestPrefix = -1; // Integer.MAX_VALUE marks an exact match
        for (Entry entry : entries) {
            int score = entry.matches(path);
            if (score < 0) {
                continue;
            }
            if (best == null || score > bestPrefix || score == bestPrefix && PREFERRED.compare(entry, best) < 0) {
                best = entry;
                bestPrefix = score;
            }
        }
        return Optional.ofNullable(best).map(Entry::endpoint);
    }

    List<String> paths() {
        return entries.stream().map(Entry::path).distinct().sorted().toList();
    }

    private static int intProperty(Object value) {
        return value instanceof Integer number ? number : 0;
    }

    private static long longProperty(Object value) {
        return value instanceof Long number ? number : Long.MAX_VALUE;
    }

    private record Entry(HttpEndpoint endpoint, String path, int ranking, long serviceId) {

        /** How well this entry serves path: -1 not at all, the prefix length for a prefix, MAX_VALUE if exact. */
        int matches(String requested) {
            if (path.endsWith("/*")) {
                String base = path.substring(0, path.length() - 2);
                if (requested.equals(base) || requested.startsWith(base + "/")) {
                    return base.length();
                }
                return -1;
            }
            return path.equals(requested) ? Integer.MAX_VALUE : -1;
        }
    }
}
