package io.aiconexus.gateway.plugin.itests.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Hashtable;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A folder watched by FileInstall, as {@code runtime/deploy/} is for an operator: created as a
 * factory configuration of {@code org.apache.felix.fileinstall} polling every 200 ms. Jars are
 * dropped, replaced and deleted the way an operator would, and each step waits for the bundle
 * event it must cause. Files arrive by an atomic move from a staging folder, so FileInstall never
 * sees half a jar.
 */
public final class DeployFolder {
    public static final Duration WAIT = Duration.ofSeconds(30);
    private static final String FILEINSTALL = "org.apache.felix.fileinstall";

    private final BundleContext context;
    private final Configuration watcher;
    private final Path dir;
    private final Path staging;

    private DeployFolder(BundleContext context, Configuration watcher, Path dir, Path staging) {
        this.context = context;
        this.watcher = watcher;
        this.dir = dir;
        this.staging = staging;
    }

    public static DeployFolder create(BundleContext context, ConfigurationAdmin configAdmin) throws Exception {
        Path base = Files.createDirectories(Paths.get(context.getProperty("aiconexus.data"), "deploy").toAbsolutePath());
        Path dir = Files.createTempDirectory(base, "watched-");
        Path staging = Files.createTempDirectory(base, "staging-");
        Configuration watcher = configAdmin.getFactoryConfiguration(FILEINSTALL, dir.getFileName().toString(), "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("felix.fileinstall.dir", dir.toString());
        properties.put("felix.fileinstall.poll", "200");
        properties.put("felix.fileinstall.noInitialDelay", "true");
        // Started transiently, a plugin is started once per change, by FileInstall after its refresh.
        // Persistently started (the default), Felix also restarts it right after the update, and
        // FileInstall's refresh then stops and starts it a second time: a test could catch it between.
        properties.put("felix.fileinstall.bundles.startTransient", "true");
        watcher.update(properties);
        return new DeployFolder(context, watcher, dir, staging);
    }

    public Path dir() {
        return dir;
    }

    /** Drops {@code jar} into the folder under its own name; returns the bundle once FileInstall has started it. */
    public Bundle drop(Path jar) throws Exception {
        return drop(jar, jar.getFileName().toString());
    }

    public Bundle drop(Path jar, String fileName) throws Exception {
        try (BundleWaiter started = new BundleWaiter(context, symbolicName(jar), BundleEvent.INSTALLED,
                BundleEvent.STARTED)) {
            place(jar, fileName, null);
            return started.await(WAIT);
        }
    }

    /**
     * Replaces the file {@code fileName} with {@code jar} (marked newer than the file it replaces, as
     * a fresh build is); returns the bundle once FileInstall has updated and restarted it.
     */
    public Bundle replace(Path jar, String fileName) throws Exception {
        FileTime newer = FileTime.from(Files.getLastModifiedTime(dir.resolve(fileName)).toInstant().plusSeconds(2));
        try (BundleWaiter updated = new BundleWaiter(context, symbolicName(jar), BundleEvent.UPDATED,
                BundleEvent.STARTED)) {
            place(jar, fileName, newer);
            return updated.await(WAIT);
        }
    }

    /** Deletes {@code fileName}; returns once FileInstall has uninstalled the bundle. */
    public void remove(String fileName) throws Exception {
        Path file = dir.resolve(fileName);
        try (BundleWaiter uninstalled = new BundleWaiter(context, symbolicName(file), BundleEvent.UNINSTALLED)) {
            Files.delete(file);
            uninstalled.await(WAIT);
        }
    }

    /** Writes a configuration file ({@code .cfg} or {@code .config}) into the folder. */
    public void writeConfiguration(String fileName, String content) throws IOException {
        Path staged = staging.resolve(fileName);
        Files.writeString(staged, content);
        Files.move(staged, dir.resolve(fileName), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Removes every jar still in the folder (waiting for each uninstall), then the watcher and the folders. */
    public void clear() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                if (file.getFileName().toString().endsWith(".jar")) {
                    remove(file.getFileName().toString());
                } else {
                    Files.delete(file);
                }
            }
        } finally {
            watcher.delete();
            Files.deleteIfExists(dir);
            try (Stream<Path> files = Files.list(staging)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.deleteIfExists(staging);
        }
    }

    private void place(Path jar, String fileName, FileTime modified) throws IOException {
        Path staged = staging.resolve(fileName);
        Files.copy(jar, staged, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(staged, modified != null ? modified : FileTime.from(Instant.now()));
        Files.move(staged, dir.resolve(fileName), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static String symbolicName(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            String name = file.getManifest().getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
            return name.split(";")[0].trim();
        }
    }

    /** The bundle installed from {@code fileName} in this folder, if any. */
    public Bundle bundle(String fileName) throws IOException {
        String name = symbolicName(dir.resolve(fileName));
        for (Bundle bundle : context.getBundles()) {
            if (name.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        return null;
    }
}
