package io.aiconexus.gateway.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a scrape in the Prometheus text format the way a test needs it: family types and sample values. */
final class Scrape {
    private static final Pattern TYPE = Pattern.compile("^# TYPE (\\S+) (\\S+)$");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{[^}]*\\})?) (\\S+)$");
    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

    final String text;
    final Map<String, String> types = new LinkedHashMap<>();
    final Map<String, Double> samples = new LinkedHashMap<>();

    Scrape(String text) {
        this.text = text;
        for (String line : text.split("\n")) {
            Matcher type = TYPE.matcher(line);
            Matcher sample = SAMPLE.matcher(line);
            if (type.matches()) {
                types.put(type.group(1), type.group(2));
            } else if (sample.matches()) {
                samples.put(sample.group(1), Double.parseDouble(sample.group(2)));
            }
        }
    }

    /** The value of series {@code series}, e.g. {@code ioap_errors_total{code="TIMEOUT"}}; fails when absent. */
    double value(String series) {
        Double value = samples.get(series);
        assertNotNull(value, () -> series + " is not in the scrape:\n" + text);
        return value;
    }

    /** The cumulative count of histogram {@code name}'s bucket whose upper bound is {@code le} seconds. */
    double bucket(String name, double le) {
        for (Map.Entry<String, Double> sample : samples.entrySet()) {
            if (sample.getKey().startsWith(name + "_bucket{")) {
                Matcher bound = LE.matcher(sample.getKey());
                if (bound.find() && Double.parseDouble(bound.group(1).replace("+Inf", "Infinity")) == le) {
                    return sample.getValue();
                }
            }
        }
        throw new AssertionError(name + " has no bucket le=" + le + " in the scrape:\n" + text);
    }

    boolean hasFamilyStartingWith(String prefix) {
        return types.keySet().stream().anyMatch(name -> name.startsWith(prefix));
    }
}
