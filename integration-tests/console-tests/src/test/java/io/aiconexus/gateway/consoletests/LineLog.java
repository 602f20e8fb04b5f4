package io.aiconexus.gateway.consoletests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The lines a process writes, read on a thread of their own, kept in order, copied to a file, and
 * waited for by condition (no sleeping and polling).
 */
final class LineLog {
    private final List<String> lines = new ArrayList<>();
    private final String name;
    private boolean ended;

    private LineLog(String name) {
        this.name = name;
    }

    static LineLog follow(String name, InputStream stream, Path copy) {
        LineLog log = new LineLog(name);
        Thread reader = new Thread(() -> log.read(stream, copy), name + "-output");
        reader.setDaemon(true);
        reader.start();
        return log;
    }

    private void read(InputStream stream, Path copy) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
                Writer file = Files.newBufferedWriter(copy, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                file.write(line);
                file.write('\n');
                file.flush();
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the process was stopped while we read: its output simply ends here
            synchronized (this) {
                lines.add("[" + name + " output closed: " + e.getMessage() + "]");
            }
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    synchronized int size() {
        return lines.size();
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The first line at or after {@code from} that matches, waiting up to {@code timeout} for it. */
    synchronized String await(int from, Predicate<String> condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int next = from;;) {
            for (; next < lines.size(); next++) {
                if (condition.test(lines.get(next))) {
                    return lines.get(next);
                }
            }
            long left = deadline - System.nanoTime();
            if (ended || left <= 0) {
                throw new AssertionError(name + ": " + what + (ended ? " (the output ended)" : " within " + timeout)
                        + "; last lines:\n  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 25), lines.size())));
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(name + ": interrupted while waiting for " + what, e);
            }
        }
    }

    /** Waits until the output ends (the process closed it). */
    synchronized void awaitEnd(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ended) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(name + ": the output did not end within " + timeout);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(name + ": interrupted", e);
            }
        }
    }

    synchronized Optional<String> last() {
        return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(lines.size() - 1));
    }
}
