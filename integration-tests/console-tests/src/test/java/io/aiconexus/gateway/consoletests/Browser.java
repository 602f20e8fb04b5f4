package io.aiconexus.gateway.consoletests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs one step of src/test/node/browser.mjs: Debian's headless chromium, driven by Playwright,
 * logged in to the console with Basic authentication.
 */
final class Browser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(120);
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Map<String, String> environment;
    private final Path logs;

    Browser(String consoleUrl, String user, String password, Path logs) {
        this.environment = Map.of("CONSOLE_URL", consoleUrl, "CONSOLE_USER", user, "CONSOLE_PASSWORD", password);
        this.logs = logs;
    }

    JsonNode run(String step, String... arguments) throws IOException, InterruptedException {
        return start(step, arguments).result();
    }

    Run start(String step, String... arguments) throws IOException {
        int run = RUNS.incrementAndGet();
        List<String> all = new ArrayList<>();
        all.add(step);
        all.addAll(List.of(arguments));
        Process process = Node.start("browser.mjs", environment, all);
        return new Run(step, process, LineLog.follow("browser " + step, process.getInputStream(),
                logs.resolve("browser-" + run + "-" + step + ".out")),
                LineLog.follow("browser " + step + " stderr", process.getErrorStream(),
                        logs.resolve("browser-" + run + "-" + step + ".err")));
    }

    /** A step that is running. */
    static final class Run {
        private final String step;
        private final Process process;
        private final LineLog out;
        private final LineLog err;

        Run(String step, Process process, LineLog out, LineLog err) {
            this.step = step;
            this.process = process;
            this.out = out;
            this.err = err;
        }

        /** Waits for the step to print {@code {"ready":true,...}}. */
        JsonNode awaitReady() {
            return parse(out.await(0, line -> line.startsWith("{\"ready\":true"), STEP_TIMEOUT, step + " ready"));
        }

        /** Waits for the step to end; fails with its error output unless it succeeded. */
        JsonNode result() throws InterruptedException {
            if (!process.waitFor(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("browser step " + step + " did not end within " + STEP_TIMEOUT);
            }
            out.awaitEnd(Duration.ofSeconds(10));
            err.awaitEnd(Duration.ofSeconds(10));
            if (process.exitValue() != 0) {
                throw new AssertionError("browser step " + step + " failed (exit " + process.exitValue() + "):\n"
                        + String.join("\n", err.lines()));
            }
            return parse(out.last().orElseThrow(() -> new AssertionError("browser step " + step + " printed nothing")));
        }

        private static JsonNode parse(String line) {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + line, e);
            }
        }
    }
}
