package io.aiconexus.gateway.consoletests;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The runtime jar operators run ({@code runtime/target/gateway.jar}), started as a process in a
 * home folder of its own: the runtime's etc/ files plus a transport configuration on a free port,
 * data/ and deploy/ inside it, the console on another free port. Its standard input stays open for
 * the Gogo shell.
 */
final class GatewayRuntime implements AutoCloseable {
    static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Pattern LOG_LINE = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[");

    final Path home;
    final int transportPort;
    final int consolePort;
    private final Path jar;
    private final Process process;
    private final LineLog output;
    private final Writer shell;

    private GatewayRuntime(Path jar, Path home, int transportPort, int consolePort, Process process, Path log) {
        this.jar = jar;
        this.home = home;
        this.transportPort = transportPort;
        this.consolePort = consolePort;
        this.process = process;
        this.output = LineLog.follow("gateway", process.getInputStream(), log);
        this.shell = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    static GatewayRuntime start(Path jar, Path runtimeEtc, Path home) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no runtime jar at " + jar + ": build it with mvn -f runtime/pom.xml install");
        }
        Path etc = Files.createDirectories(home.resolve("etc"));
        try (DirectoryStream<Path> defaults = Files.newDirectoryStream(runtimeEtc, "*.cfg")) {
            for (Path file : defaults) {
                Files.copy(file, etc.resolve(file.getFileName()));
            }
        }
        Files.createDirectories(home.resolve("deploy"));
        int transportPort = freePort();
        Files.writeString(etc.resolve("io.aiconexus.gateway.transport.cfg"), "host=127.0.0.1\nport=" + transportPort + "\n");
        return launch(jar, home, transportPort, freePort(), home.resolve("gateway.log"));
    }

    /**
     * Starts the same jar again in the same home, on the same ports, once this one has been closed; its output
     * goes to gateway-restarted.log, beside the first start's.
     */
    GatewayRuntime restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException("close the running gateway first");
        }
        return launch(jar, home, transportPort, consolePort, home.resolve("gateway-restarted.log"));
    }

    private static GatewayRuntime launch(Path jar, Path home, int transportPort, int consolePort, Path log)
            throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        // as bin/gateway does: Config Admin keeps its files in data/config (a relative felix.cm.dir would be
        // resolved inside the bundle cache)
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m",
                "-Dfelix.cm.dir=" + home.toAbsolutePath().resolve("data/config"),
                "-Dorg.osgi.service.http.port=" + consolePort, "-jar", jar.toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true).start();
        GatewayRuntime runtime = new GatewayRuntime(jar, home, transportPort, consolePort, process, log);
        runtime.awaitLine(line -> line.contains("Welcome to Apache Felix Gogo"), START_TIMEOUT, "the Gogo shell");
        return runtime;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    String consoleUrl() {
        return "http://127.0.0.1:" + consolePort + "/system/console";
    }

    String agentsUrl() {
        return "ws://127.0.0.1:" + transportPort + "/ws";
    }

    String httpUrl() {
        return "http://127.0.0.1:" + transportPort;
    }

    List<String> lines() {
        return output.lines();
    }

    String awaitLine(Predicate<String> condition, Duration timeout, String what) {
        return output.await(0, condition, timeout, what);
    }

    /**
     * Types {@code command} into the Gogo shell and returns the output up to the first line that
     * matches {@code last}, without the prompt and without the log lines the gateway prints on the
     * same console meanwhile.
     */
    List<String> shell(String command, Predicate<String> last) throws IOException {
        Predicate<String> end = line -> !isLog(line) && last.test(line);
        int from = output.size();
        shell.write(command + "\n");
        shell.flush();
        output.await(from, end, Duration.ofSeconds(30), "the end of the output of '" + command + "'");
        List<String> all = output.lines();
        List<String> answer = new ArrayList<>();
        for (String line : all.subList(from, all.size())) {
            if (!isLog(line)) {
                answer.add(withoutPrompt(line));
            }
            if (end.test(line)) {
                break;
            }
        }
        return answer;
    }

    private static boolean isLog(String line) {
        return LOG_LINE.matcher(withoutPrompt(line)).lookingAt();
    }

    private static String withoutPrompt(String line) {
        return line.startsWith("g! ") ? line.substring(3) : line;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
