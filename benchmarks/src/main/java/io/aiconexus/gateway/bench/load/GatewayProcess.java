package io.aiconexus.gateway.bench.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A gateway started from the runtime jar (through {@code runtime/bin/gateway}) for one load run, isolated from any other gateway on the
 * machine: its own free port, data directory, Felix cache, Config Admin store and watched etc/ (a
 * copy of the runtime's, with the run's settings added as Config Admin files).
 */
final class GatewayProcess implements AutoCloseable {
    private final Process process;
    private final Launch launch;
    private final long startupMillis;

    /** What a start needs again to restart the same installation: its jar, folders, options and port. */
    private record Launch(Path jar, Path runtimeDir, Path home, List<String> options, int port,
            Map<String, Map<String, String>> configuration) {
    }

    private GatewayProcess(Process process, Launch launch, long startupMillis) {
        this.process = process;
        this.launch = launch;
        this.startupMillis = startupMillis;
    }

    /**
     * Starts the gateway and waits until {@code /health} answers.
     *
     * @param configuration Config Admin files to write: PID to properties
     */
    static GatewayProcess start(Path jar, Path runtimeDir, List<String> javaOpts,
            Map<String, Map<String, String>> configuration) throws IOException, InterruptedException {
        return start(jar, runtimeDir, javaOpts, configuration, GatewayProcess::awaitHealthy);
    }

    /** What a start waits for; returns the milliseconds from launch to it. */
    @FunctionalInterface
    interface Readiness {
        long await(Process process, int port, long launchedNanos, Path home) throws IOException, InterruptedException;
    }

    /** As {@link #start(Path, Path, List, Map)}, waiting for {@code readiness} instead of {@code /health}. */
    static GatewayProcess start(Path jar, Path runtimeDir, List<String> javaOpts,
            Map<String, Map<String, String>> configuration, Readiness readiness) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " does not exist: build it with mvn -B -o -f runtime/pom.xml install");
        }
        Path home = Files.createTempDirectory("aiconexus-load-");
        Path etc = Files.createDirectories(home.resolve("etc"));
        Path shipped = runtimeDir.resolve("etc");
        if (Files.isDirectory(shipped)) {
            try (Stream<Path> files = Files.list(shipped)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.copy(file, etc.resolve(file.getFileName()));
                }
            }
        }
        int port = freePort();
        Map<String, Map<String, String>> written = new LinkedHashMap<>();
        Map<String, String> transport = new LinkedHashMap<>(configuration.getOrDefault("io.aiconexus.gateway.transport",
                Map.of()));
        transport.put("port", Integer.toString(port));
        written.put("io.aiconexus.gateway.transport", transport);
        configuration.forEach(written::putIfAbsent);
        for (Map.Entry<String, Map<String, String>> pid : written.entrySet()) {
            writeConfig(etc.resolve(pid.getKey() + ".cfg"), pid.getValue());
        }
        List<String> options = new ArrayList<>(javaOpts);
        options.add("-Dgosh.args=--nointeractive");
        options.add("-Daiconexus.data=" + home.resolve("data"));
        options.add("-Dfelix.cm.dir=" + home.resolve("config"));
        options.add("-Dorg.osgi.framework.storage=" + home.resolve("felix-cache"));
        options.add("-Dfelix.fileinstall.dir=" + etc);
        // the Web Console's HTTP server, when the runtime has one: off the default port another gateway may hold
        options.add("-Dorg.osgi.service.http.port=" + freePort());
        return launch(new Launch(jar, runtimeDir, home, options, port, written), readiness);
    }

    /**
     * Starts the same installation again once this gateway has {@link #stop() stopped}: the same home (its bundle
     * cache, data directory and Config Admin store as this start left them), options and port, as an operator's
     * restart. Its log is appended to this one's.
     */
    GatewayProcess restart(Readiness readiness) throws IOException, InterruptedException {
        if (process.isAlive()) {
            throw new IllegalStateException("stop the gateway before restarting it");
        }
        return launch(launch, readiness);
    }

    private static GatewayProcess launch(Launch launch, Readiness readiness) throws IOException, InterruptedException {
        ProcessBuilder builder = launcher(launch.jar(), launch.runtimeDir(), launch.options());
        long launched = System.nanoTime();
        Process process = builder.directory(launch.runtimeDir().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(launch.home().resolve("gateway.log").toFile())).start();
        long startup = readiness.await(process, launch.port(), launched, launch.home());
        return new GatewayProcess(process, launch, startup);
    }

    /**
     * The runtime's own jar starts as operators start it, through {@code bin/gateway} (which adds class data
     * sharing, and execs the JVM, so the process measured is the gateway's); any other jar with plain
     * {@code java -jar}.
     */
    private static ProcessBuilder launcher(Path jar, Path runtimeDir, List<String> options) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path script = runtimeDir.resolve("bin").resolve("gateway");
        if (Files.isExecutable(script) && isSameFile(jar, runtimeDir.resolve("target").resolve("gateway.jar"))) {
            for (String option : options) {
                if (option.chars().anyMatch(Character::isWhitespace)) {
                    // bin/gateway splits JAVA_OPTS at white space, as launch scripts do
                    throw new IllegalArgumentException("a JVM option for bin/gateway must not contain white space: "
                            + option);
                }
            }
            ProcessBuilder builder = new ProcessBuilder(script.toAbsolutePath().toString());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("JAVA_OPTS", String.join(" ", options));
            return builder;
        }
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(options);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        return new ProcessBuilder(command);
    }

    private static boolean isSameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException missing) {
            return false;
        }
    }

    long pid() {
        return process.pid();
    }

    URI url() {
        return URI.create("ws://127.0.0.1:" + launch.port() + "/ws");
    }

    long startupMillis() {
        return startupMillis;
    }

    Map<String, Map<String, String>> configuration() {
        return launch.configuration();
    }

    Path log() {
        return launch.home().resolve("gateway.log");
    }

    /** SIGTERM, as an operator stops it; killed when it has not stopped within 20 s. Its home stays as it is. */
    void stop() {
        ServerProcesses.stop(process);
    }

    /**
     * Stops it, and deletes its bundle cache, data and Config Admin store; its log and etc/ stay for a look
     * afterwards.
     */
    @Override
    public void close() throws IOException {
        stop();
        for (String scratch : List.of("felix-cache", "felix-cache.jar-id", "data", "config")) {
            deleteTree(launch.home().resolve(scratch));
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }

    static long awaitHealthy(Process process, int port, long launched, Path home)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = launched + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the gateway exited with " + process.exitValue() + ": see " + home.resolve("gateway.log"));
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launched);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10); // the resolution of the start-up time measured here
        }
        process.destroyForcibly();
        throw new IOException("the gateway did not answer /health within 60 s: see " + home.resolve("gateway.log"));
    }

    private static void writeConfig(Path file, Map<String, String> values) throws IOException {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (var in = Files.newInputStream(file)) {
                properties.load(in);
            }
        }
        values.forEach(properties::setProperty);
        try (var out = Files.newOutputStream(file)) {
            properties.store(out, "written by the load generator for this run");
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
