package io.aiconexus.gateway.sdk.itests.support;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.aiconexus.gateway.cli.Ioap;

/** Runs an {@code ioap} command in this JVM, as a user would type it, and keeps what it printed. */
public final class CliRun {
    private final Watched out = new Watched();
    private final Watched err = new Watched();
    private volatile int exitCode = -1;

    /** Runs {@code args} with {@code env} and waits for it to finish. */
    public static CliRun run(Map<String, String> env, String... args) {
        CliRun run = new CliRun();
        run.execute(env, args);
        return run;
    }

    /** Runs {@code args} on another thread; {@link #finished()} completes with the exit code. */
    public static CliRun start(Map<String, String> env, CompletableFuture<Integer> finished, String... args) {
        CliRun run = new CliRun();
        Thread thread = new Thread(() -> {
            try {
                run.execute(env, args);
                finished.complete(run.exitCode);
            } catch (Throwable t) {
                finished.completeExceptionally(t);
            }
        }, "ioap-" + args[0]);
        thread.setDaemon(true);
        thread.start();
        return run;
    }

    private void execute(Map<String, String> env, String... args) {
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exitCode = Ioap.run(List.of(args), env, o, e);
        }
    }

    public int exitCode() {
        return exitCode;
    }

    public String out() {
        return out.text();
    }

    public String err() {
        return err.text();
    }

    public List<String> outLines() {
        return out().lines().toList();
    }

    /** Completes once standard error contains {@code text}. */
    public CompletableFuture<Void> whenErr(String text) {
        return err.when(text);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out() + "--- stderr\n" + err();
    }

    /** An output stream that tells waiters when some text has appeared. */
    private static final class Watched extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final List<Map.Entry<String, CompletableFuture<Void>>> waiters = new CopyOnWriteArrayList<>();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
            check();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
            check();
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        synchronized CompletableFuture<Void> when(String text) {
            CompletableFuture<Void> seen = new CompletableFuture<>();
            waiters.add(Map.entry(text, seen));
            check();
            return seen;
        }

        private void check() {
            if (waiters.isEmpty()) {
                return;
            }
            String now = bytes.toString(StandardCharsets.UTF_8);
            for (Map.Entry<String, CompletableFuture<Void>> waiter : waiters) {
                if (now.contains(waiter.getKey()) && waiter.getValue().complete(null)) {
                    waiters.remove(waiter);
                }
            }
        }
    }
}
