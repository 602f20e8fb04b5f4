package io.aiconexus.gateway.monitoring.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters by name, created on first use. */
final class CounterTable {
    private final ConcurrentHashMap<String, LongAdder> counters = new ConcurrentHashMap<>();

    void increment(String name) {
        LongAdder counter = counters.get(name);
        if (counter == null) {
            counter = counters.computeIfAbsent(name, key -> new LongAdder());
        }
        counter.increment();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counters.forEach((name, counter) -> copy.put(name, counter.sum()));
        return copy;
    }
}
