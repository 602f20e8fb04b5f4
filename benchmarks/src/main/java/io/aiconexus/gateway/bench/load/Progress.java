package io.aiconexus.gateway.bench.load;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Prints one status line a second on stderr, from whatever phase is running. */
final class Progress implements AutoCloseable {
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "load-progress");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Supplier<String> status = () -> null;

    Progress() {
        ticker.scheduleAtFixedRate(this::print, 1, 1, TimeUnit.SECONDS);
    }

    /** What the line says from now on; a supplier returning null prints nothing. */
    void status(Supplier<String> supplier) {
        status = supplier;
    }

    /** A line of its own, now. */
    void say(String line) {
        System.err.printf("[%4ds] %s%n", elapsedSeconds(), line);
    }

    private void print() {
        try {
            String line = status.get();
            if (line != null) {
                say(line);
            }
        } catch (RuntimeException e) {
            say("progress: " + e);
        }
    }

    private long elapsedSeconds() {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
