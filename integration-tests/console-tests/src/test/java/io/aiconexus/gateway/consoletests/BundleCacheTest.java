package io.aiconexus.gateway.consoletests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime jar keeps its bundle cache (data/felix-cache) between starts, as Karaf does: a restart reloads the
 * bundles it installed instead of installing them again, and a bundle the operator installed at run time
 * (here through the Gogo shell) is still there, in the state it was left in.
 */
class BundleCacheTest {
    private static final String OPERATORS_BUNDLE = "io.aiconexus.test.operators.bundle";

    @TempDir
    Path home;

    @Test
    void aRestartKeepsTheInstalledBundlesAndWhatTheOperatorAdded() throws Exception {
        Path bundle = writeBundle(home.resolve("operators-bundle.jar"), OPERATORS_BUNDLE);
        GatewayRuntime first = GatewayRuntime.start(Path.of(System.getProperty("gateway.jar")),
                Path.of(System.getProperty("gateway.etc")), home);
        GatewayRuntime second;
        try {
            awaitBeginningStartLevel(first);
            List<String> installed = first.shell("install " + bundle.toUri(), line -> line.contains("Bundle ID:"));
            String id = installed.get(installed.size() - 1).replaceAll("\\D", "");
            String started = last(first.shell("start " + id + "; lb -s " + OPERATORS_BUNDLE,
                    line -> line.contains(OPERATORS_BUNDLE)));
            assertTrue(started.contains("Active"), "installed and started: " + started);
        } finally {
            first.close();
        }
        Path transport = cachedRevisions("jar/io.aiconexus.gateway.transport");
        List<String> revisionsBefore = list(transport);
        FileTime copiedBefore = Files.getLastModifiedTime(transport.resolve("version0.0").resolve("bundle.jar"));

        second = first.restart();
        try {
            awaitBeginningStartLevel(second);
            assertTrue(state(second).contains("Active"), "the operator's bundle is installed and active after the"
                    + " restart: " + state(second));
            second.awaitLine(line -> line.contains("Server Address: " + second.agentsUrl()), GatewayRuntime.START_TIMEOUT,
                    "the gateway banner after the restart");
        } finally {
            second.close();
        }
        assertEquals(List.of("version0.0"), revisionsBefore, "one revision of the transport bundle");
        assertEquals(revisionsBefore, list(transport), "the restart did not update it (an update adds a revision)");
        assertEquals(copiedBefore, Files.getLastModifiedTime(transport.resolve("version0.0").resolve("bundle.jar")),
                "nor copy it out of the jar again (an install writes the cached copy anew)");
    }

    /**
     * Waits until the framework has reached its beginning start level (200): the Gogo shell answers from start level
     * 56, and a bundle started before the framework reaches the bundle's level (100) only becomes active then.
     */
    private static void awaitBeginningStartLevel(GatewayRuntime gateway) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + GatewayRuntime.START_TIMEOUT.toNanos();
        String level;
        while (!(level = last(gateway.shell("frameworklevel", line -> line.contains("Level is")))).contains("Level is 200")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the framework did not reach start level 200: " + level);
            }
            Thread.sleep(100);
        }
    }

    /** The operator's bundle as {@code lb} lists it: one line, with its state. */
    private static String state(GatewayRuntime gateway) throws IOException {
        return last(gateway.shell("lb -s " + OPERATORS_BUNDLE, line -> line.contains(OPERATORS_BUNDLE)));
    }

    private static String last(List<String> lines) {
        return lines.get(lines.size() - 1);
    }

    /** The cache folder of the bundle installed from {@code location}, as Felix records it in bundle.info. */
    private Path cachedRevisions(String location) throws IOException {
        try (Stream<Path> bundles = Files.list(home.resolve("data").resolve("felix-cache"))) {
            for (Path folder : (Iterable<Path>) bundles::iterator) {
                Path info = folder.resolve("bundle.info");
                if (Files.isRegularFile(info) && Files.readAllLines(info).contains(location)) {
                    return folder;
                }
            }
        }
        throw new AssertionError("no bundle installed from " + location + " in " + home.resolve("data/felix-cache"));
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isDirectory).map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private static Path writeBundle(Path jar, String symbolicName) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            jarOut.flush();
        }
        return jar;
    }
}
