package io.aiconexus.gateway.consoletests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts the test's Node scripts (src/test/node) with the packages installed by {@code npm ci}. */
final class Node {
    static final Path DIR = Path.of(System.getProperty("console.tests.dir", "."));

    private Node() {
    }

    static Process start(String script, Map<String, String> environment, List<String> arguments) throws IOException {
        if (!Files.isDirectory(DIR.resolve("node_modules/playwright-core"))) {
            throw new IllegalStateException("the Node packages are missing: run 'npm ci' in " + DIR.toAbsolutePath());
        }
        List<String> command = new ArrayList<>(List.of("node", DIR.resolve("src/test/node").resolve(script).toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(DIR.toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }
}
