package io.aiconexus.gateway.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A nats-server started for one load run, as the peer the gateway's cost per routed frame is compared
 * with: its own directory and free ports (client, monitoring, WebSocket), WebSocket without TLS or
 * compression as the gateway is driven here, listening on loopback only. Its config and log stay in
 * the directory for a look afterwards.
 */
final class NatsProcess implements AutoCloseable {
    private final Process process;
    private final Path home;
    private final int websocketPort;
    private final int monitorPort;
    private final long startupMillis;
    private final String version;

    private NatsProcess(Process process, Path home, int websocketPort, int monitorPort, long startupMillis,
            String version) {
        this.process = process;
        this.home = home;
        this.websocketPort = websocketPort;
        this.monitorPort = monitorPort;
        this.startupMillis = startupMillis;
        this.version = version;
    }

    /** Starts {@code binary} and waits until its WebSocket port accepts connections. */
    static NatsProcess start(Path binary, int agents) throws IOException, InterruptedException {
        if (!Files.isRegularFile(binary) || !Files.isExecutable(binary)) {
            throw new IOException("no nats-server at " + binary
                    + ": install it with benchmarks/install-nats, or give its path with --nats-server PATH");
        }
        Path home = Files.createTempDirectory("aiconexus-load-nats-");
        int clientPort = GatewayProcess.freePort();
        int monitorPort = GatewayProcess.freePort();
        int websocketPort = GatewayProcess.freePort();
        // the default limit (64K) is near the largest runs; the default max_payload (1 MB) is far above an envelope
        String config = String.format("""
                # written by the load generator for this run
                host: 127.0.0.1
                port: %d
                http_port: %d
                max_connections: %d
                websocket {
                  host: 127.0.0.1
                  port: %d
                  no_tls: true
                  compression: false
                }
                """, clientPort, monitorPort, Math.max(65536, agents + 1000), websocketPort);
        Path file = home.resolve("nats.conf");
        Files.writeString(file, config);
        String version = version(binary);
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(binary.toString(), "-c", file.toString()).redirectErrorStream(true)
                .redirectOutput(home.resolve("nats.log").toFile()).start();
        long startup = awaitListening(process, websocketPort, launched, home);
        return new NatsProcess(process, home, websocketPort, monitorPort, startup, version);
    }

    long pid() {
        return process.pid();
    }

    URI url() {
        return URI.create("ws://127.0.0.1:" + websocketPort + "/");
    }

    /** The monitoring endpoint whose {@code connections} counts the agents connected. */
    URI varz() {
        return URI.create("http://127.0.0.1:" + monitorPort + "/varz");
    }

    long startupMillis() {
        return startupMillis;
    }

    String version() {
        return version;
    }

    Path config() {
        return home.resolve("nats.conf");
    }

    Path log() {
        return home.resolve("nats.log");
    }

    /** SIGTERM; killed when it has not stopped within 20 s. */
    @Override
    public void close() {
        ServerProcesses.stop(process);
    }

    /** "v2.9.10" from {@code nats-server --version}; "unknown" when it says nothing usable. */
    private static String version(Path binary) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(binary.toString(), "--version")).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).trim();
        process.waitFor(10, TimeUnit.SECONDS);
        int at = out.lastIndexOf(' ');
        return out.isEmpty() ? "unknown" : out.substring(at + 1);
    }

    private static long awaitListening(Process process, int port, long launched, Path home)
            throws IOException, InterruptedException {
        long deadline = launched + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("nats-server exited with " + process.exitValue() + ": see " + home.resolve("nats.log"));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launched);
            } catch (IOException notYet) {
                // not listening yet; it starts in milliseconds, so poll finely
            }
            Thread.sleep(5);
        }
        process.destroyForcibly();
        throw new IOException("nats-server did not listen on " + port + " within 30 s: see " + home.resolve("nats.log"));
    }
}
