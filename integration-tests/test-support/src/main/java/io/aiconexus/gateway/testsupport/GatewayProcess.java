package io.aiconexus.gateway.testsupport;

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
import java.util.List;

/**
 * The runtime jar an operator runs, started as a separate process on free ports with its own
 * data directory: for what only a real process shows (a kill -9, a restart).
 */
public final class GatewayProcess implements AutoCloseable {
    /** Framework property naming runtime/target/gateway.jar (set in test.bndrun). */
    public static final String JAR_PROPERTY = "aiconexus.test.runtime.jar";

    private final Process process;
    private final int port;
    private final Path log;

    private GatewayProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the gateway on {@code dataDir} and waits until /health answers. */
    public static GatewayProcess start(String jar, Path dataDir) throws Exception {
        int port = freePort();
        Path etc = Files.createDirectories(dataDir.resolve("test-etc"));
        Files.writeString(etc.resolve("io.aiconexus.gateway.transport.cfg"), "port=" + port + "\n");
        Path log = dataDir.resolve("gateway-" + port + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dgosh.args=--nointeractive", "-Daiconexus.data=" + dataDir, "-Dfelix.fileinstall.dir=" + etc,
                "-Daiconexus.deploy=" + Files.createDirectories(dataDir.resolve("test-deploy")),
                "-Dfelix.cm.dir=" + dataDir.resolve("config"), "-Dorg.osgi.framework.storage=" + dataDir.resolve("felix-cache"),
                "-Dorg.osgi.service.http.port=" + freePort(), "-jar", jar));
        Process process = new ProcessBuilder(command).directory(dataDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        GatewayProcess gateway = new GatewayProcess(process, port, log);
        gateway.awaitHealthy(Duration.ofSeconds(60));
        return gateway;
    }

    public URI webSocket() {
        return URI.create("ws://127.0.0.1:" + port + "/ws");
    }

    /** SIGKILL: no shutdown hook, no flush, as a crash or the OOM killer would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, as a service manager or Ctrl-C sends; returns the exit code. */
    public int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the gateway did not stop within 30 s of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private void awaitHealthy(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the gateway exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the gateway did not answer /health within " + timeout + ": " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
