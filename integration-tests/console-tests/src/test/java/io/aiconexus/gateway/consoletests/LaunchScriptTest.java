package io.aiconexus.gateway.consoletests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code runtime/bin/gateway}, the README's start command, as operators run it: the first start records the
 * class-data-sharing archive when it stops, the next start maps it (the gateway's own classes then come from the
 * archive) and {@code GATEWAY_CDS=off} starts without it. The bundle cache is kept between starts of one jar and
 * emptied for another jar or with {@code --clean}. Each test gets its own folders, ports and archive folder.
 */
class LaunchScriptTest {
    private static final Path RUNTIME = Path.of(System.getProperty("gateway.jar")).toAbsolutePath().getParent().getParent();
    private static final String GATEWAY_CLASS = "io.aiconexus.gateway.transport.internal.JettyTransport";

    @TempDir
    Path home;

    @Test
    void firstStartRecordsTheClassArchiveAndTheNextStartMapsIt() throws Exception {
        Path archives = home.resolve("cds");

        Started first = start("first", Map.of("GATEWAY_CDS_DIR", archives.toString()));
        assertTrue(first.arguments().stream().anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit=" + archives)),
                "the first start records: " + first.arguments());
        first.stop();
        assertFalse(first.log().contains("[warning][cds]"), "what the JVM could not archive stays off the console:\n"
                + first.log());
        assertTrue(Files.exists(archives.resolve("recording.log")), "it is in the archive folder's recording.log");
        List<Path> recorded = archives(archives);
        assertEquals(1, recorded.size(), "one archive recorded at exit: " + recorded);
        assertTrue(recorded.get(0).getFileName().toString().endsWith("." + first.pid() + ".jsa"),
                "named after the JVM that wrote it: " + recorded);

        Started second = start("second", Map.of("GATEWAY_CDS_DIR", archives.toString()));
        String adopted = recorded.get(0).getFileName().toString().replace("." + first.pid() + ".jsa", ".jsa");
        assertTrue(second.arguments().contains("-XX:SharedArchiveFile=" + archives.resolve(adopted)),
                "the second start maps the recorded archive: " + second.arguments());
        second.stop();
        assertEquals(List.of(archives.resolve(adopted)), archives(archives), "the recording was adopted, nothing else left");
        assertTrue(second.classLoads().anyMatch(line -> line.contains(GATEWAY_CLASS + " source: shared objects file")),
                "the gateway's own classes come from the archive");
        assertFalse(second.log().contains("[warning][cds]"), "the JVM accepted the archive:\n" + second.log());
    }

    @Test
    void gatewayCdsOffStartsWithoutAnArchive() throws Exception {
        Path archives = home.resolve("cds");
        Started plain = start("plain", Map.of("GATEWAY_CDS", "off", "GATEWAY_CDS_DIR", archives.toString()));
        assertTrue(plain.arguments().stream().noneMatch(a -> a.contains("Archive")), plain.arguments().toString());
        plain.stop();
        assertFalse(Files.exists(archives), "nothing recorded");
    }

    @Test
    void theBundleCacheIsKeptForOneJarAndEmptiedForAnotherOrWithClean() throws Exception {
        Path script = privateRuntime().resolve("bin").resolve("gateway");
        Map<String, String> noArchive = Map.of("GATEWAY_CDS", "off");
        Path cache = home.resolve("kept").resolve("data").resolve("felix-cache");
        start(script, "kept", noArchive).stop();
        Path marker = Files.writeString(cache.resolve("left-by-the-test"), "");

        start(script, "kept", noArchive).stop();
        assertTrue(Files.exists(marker), "a restart of the same jar keeps the bundle cache");

        start(script, "kept", noArchive, "--clean").stop();
        assertFalse(Files.exists(marker), "--clean starts from an empty bundle cache");
        assertTrue(Files.isDirectory(cache.resolve("bundle0")), "which the start filled again");

        Files.writeString(marker, "");
        Path jar = script.getParent().getParent().resolve("target").resolve("gateway.jar");
        Files.setLastModifiedTime(jar, FileTime.from(Files.getLastModifiedTime(jar).toInstant().plusSeconds(60)));
        start(script, "kept", noArchive).stop();
        assertFalse(Files.exists(marker), "another jar (here the same bytes at a later time) starts from an empty cache");
    }

    @Test
    void refusesToEmptyAFolderThatIsNotABundleCache() throws Exception {
        Path notACache = Files.createDirectories(home.resolve("not-a-cache"));
        Path precious = Files.writeString(notACache.resolve("precious.txt"), "keep me");
        ProcessBuilder launch = new ProcessBuilder(RUNTIME.resolve("bin").resolve("gateway").toString())
                .redirectErrorStream(true);
        launch.environment().put("JAVA_HOME", System.getProperty("java.home"));
        launch.environment().put("JAVA_OPTS", "-Daiconexus.data=" + home.resolve("data")
                + " -Dorg.osgi.framework.storage=" + notACache);
        Process process = launch.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue(), output);
        assertTrue(output.contains("refusing to empty " + notACache + ": it is not a Felix bundle cache"), output);
        assertEquals("keep me", Files.readString(precious));
    }

    /** A copy of bin/gateway and the runtime jar, so that the test can give the jar another time. */
    private Path privateRuntime() throws IOException {
        Path runtime = home.resolve("runtime");
        Files.createDirectories(runtime.resolve("bin"));
        Files.createDirectories(runtime.resolve("target"));
        Files.copy(RUNTIME.resolve("bin").resolve("gateway"), runtime.resolve("bin").resolve("gateway"),
                StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(RUNTIME.resolve("target").resolve("gateway.jar"), runtime.resolve("target").resolve("gateway.jar"),
                StandardCopyOption.COPY_ATTRIBUTES);
        return runtime;
    }

    private Started start(String name, Map<String, String> environment) throws IOException, InterruptedException {
        return start(RUNTIME.resolve("bin").resolve("gateway"), name, environment);
    }

    private Started start(Path script, String name, Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        Path folder = Files.createDirectories(home.resolve(name));
        Path etc = Files.createDirectories(folder.resolve("etc"));
        int port = freePort();
        Files.writeString(etc.resolve("io.aiconexus.gateway.transport.cfg"), "host=127.0.0.1\nport=" + port + "\n");
        Path classLoads = folder.resolve("class-load.txt");
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder launch = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(folder.resolve("gateway.log").toFile());
        launch.environment().put("JAVA_HOME", System.getProperty("java.home"));
        launch.environment().put("JAVA_OPTS", String.join(" ", "-Daiconexus.data=" + folder.resolve("data"),
                "-Dfelix.fileinstall.dir=" + etc, "-Daiconexus.deploy=" + Files.createDirectories(folder.resolve("deploy")),
                "-Dorg.osgi.service.http.port=" + freePort(), "-Xlog:class+load=info:file=" + classLoads));
        launch.environment().putAll(environment);
        Process process = launch.start();
        Started started = new Started(process, folder, classLoads);
        started.awaitHealth(port);
        return started;
    }

    private static List<Path> archives(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".jsa")).sorted().toList();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private record Started(Process process, Path folder, Path classLoadFile) {
        long pid() {
            return process.pid();
        }

        /** The JVM's arguments: bin/gateway execs java, so its process is the gateway's. */
        List<String> arguments() {
            return List.of(process.info().arguments().orElse(new String[0]));
        }

        void awaitHealth(int port) throws InterruptedException {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(2)).build();
            long deadline = System.nanoTime() + GatewayRuntime.START_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline && process.isAlive()) {
                try {
                    if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            throw new AssertionError("bin/gateway did not answer /health:\n" + log());
        }

        /** SIGTERM, as an operator stops it; the JVM writes a recorded archive as it exits. */
        void stop() throws InterruptedException {
            process.destroy();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stopped within 60 s");
        }

        String log() {
            try {
                return Files.readString(folder.resolve("gateway.log"));
            } catch (IOException e) {
                return e.toString();
            }
        }

        Stream<String> classLoads() throws IOException {
            return Files.readAllLines(classLoadFile).stream();
        }
    }
}
