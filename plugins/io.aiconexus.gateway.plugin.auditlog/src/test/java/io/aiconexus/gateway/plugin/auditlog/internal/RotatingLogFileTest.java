package io.aiconexus.gateway.plugin.auditlog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingLogFileTest {

    @TempDir
    Path dir;

    @Test
    void filesAreRotatedBySizeAndOnlyTheNewestAreKept() throws Exception {
        Path file = dir.resolve("audit/routing.log");
        try (RotatingLogFile log = new RotatingLogFile(file, 40, 2)) {
            for (int i = 0; i < 10; i++) {
                log.append("line-" + i + "-xxxxxxxxxx"); // 18 bytes with the newline: two lines per file
            }
        }
        assertEquals(List.of("line-8-xxxxxxxxxx", "line-9-xxxxxxxxxx"), Files.readAllLines(file));
        assertEquals(List.of("line-6-xxxxxxxxxx", "line-7-xxxxxxxxxx"), Files.readAllLines(dir.resolve("audit/routing.log.1")));
        assertEquals(List.of("line-4-xxxxxxxxxx", "line-5-xxxxxxxxxx"), Files.readAllLines(dir.resolve("audit/routing.log.2")));
        assertFalse(Files.exists(dir.resolve("audit/routing.log.3")), "only 2 rotated files are kept");
        for (Path path : List.of(file, dir.resolve("audit/routing.log.1"), dir.resolve("audit/routing.log.2"))) {
            assertTrue(Files.size(path) <= 40, path + " is over the limit");
        }
    }

    @Test
    void anExistingFileIsAppendedToAndCountsTowardsTheLimit() throws Exception {
        Path file = dir.resolve("routing.log");
        Files.writeString(file, "old-line-xxxxxxxxxxxxxxxxxxxxx\n"); // 31 bytes
        try (RotatingLogFile log = new RotatingLogFile(file, 40, 1)) {
            log.append("new-line"); // 9 bytes: exactly 40
            log.append("next");
        }
        assertEquals(List.of("old-line-xxxxxxxxxxxxxxxxxxxxx", "new-line"), Files.readAllLines(dir.resolve("routing.log.1")));
        assertEquals(List.of("next"), Files.readAllLines(file));
    }

    @Test
    void aLineLongerThanTheLimitIsWrittenAloneAndKeepZeroRestartsTheFile() throws Exception {
        Path file = dir.resolve("routing.log");
        try (RotatingLogFile log = new RotatingLogFile(file, 10, 0)) {
            log.append("short");
            log.append("a line much longer than ten bytes");
            log.append("tail");
        }
        assertEquals(List.of("tail"), Files.readAllLines(file));
        List<Path> left = new ArrayList<>();
        try (var files = Files.list(dir)) {
            files.forEach(left::add);
        }
        assertEquals(List.of(file), left, "keep = 0 leaves no rotated file");
    }

    @Test
    void nonAsciiLinesAreCountedInBytes() throws Exception {
        Path file = dir.resolve("routing.log");
        try (RotatingLogFile log = new RotatingLogFile(file, 12, 1)) {
            log.append("éééé"); // 8 bytes + newline
            log.append("ab"); // 3 more: 12
            log.append("c");
        }
        assertEquals(List.of("éééé", "ab"), Files.readAllLines(dir.resolve("routing.log.1")));
        assertEquals(List.of("c"), Files.readAllLines(file));
    }
}
