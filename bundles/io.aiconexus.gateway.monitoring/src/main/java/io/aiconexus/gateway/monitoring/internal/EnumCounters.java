package io.aiconexus.gateway.monitoring.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters by enum constant, plus one for {@code null}: an array index instead of a hash lookup on the
 * frame path. The snapshot names only the constants counted at least once, as {@link CounterTable} does.
 */
final class EnumCounters<E extends Enum<E>> {
    private final E[] constants;
    private final LongAdder[] counters;
    private final String nullName;
    private final LongAdder nulls = new LongAdder();

    EnumCounters(Class<E> type, String nullName) {
        this.constants = type.getEnumConstants();
        this.counters = new LongAdder[constants.length];
        for (int i = 0; i < counters.length; i++) {
            counters[i] = new LongAdder();
        }
        this.nullName = nullName;
    }

    void increment(E value) {
        (value == null ? nulls : counters[value.ordinal()]).increment();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        for (int i = 0; i < counters.length; i++) {
            long count = counters[i].sum();
            if (count > 0) {
                copy.put(constants[i].name(), count);
            }
        }
        long count = nulls.sum();
        if (count > 0) {
            copy.put(nullName, count);
        }
        return copy;
    }
}
