package io.aiconexus.gateway.plugin.auditlog.internal;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A text file of lines that is rotated by size: {@code name} is written, {@code name.1} is the
 * newest rotated file and {@code name.N} the oldest kept. Used by one thread.
 */
final class RotatingLogFile implements AuditWriter.Sink, Closeable {
    private final Path file;
    private final long maxBytes;
    private final int keep;
    private BufferedWriter writer;
    private long size;

    RotatingLogFile(Path file, long maxBytes, int keep) {
        this.file = file.toAbsolutePath();
        this.maxBytes = Math.max(1, maxBytes);
        this.keep = Math.max(0, keep);
    }

    Path file() {
        return file;
    }

    /** Appends {@code line} and a newline, rotating first when the line would not fit. */
    @Override
    public void append(String line) throws IOException {
        long bytes = line.getBytes(StandardCharsets.UTF_8).length + 1L;
        if (writer == null) {
            open();
        }
        // a line longer than the limit still gets written, alone in its file
        if (size > 0 && size + bytes > maxBytes) {
            rotate();
        }
        writer.write(line);
        writer.write('\n');
        size += bytes;
    }

    @Override
    public void flush() throws IOException {
        if (writer != null) {
            writer.flush();
        }
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            try {
                writer.close();
            } finally {
                writer = null;
            }
        }
    }

    private void open() throws IOException {
        Path parent = file.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        size = Files.size(file);
    }

    private void rotate() throws IOException {
        close();
        if (keep == 0) {
            Files.delete(file);
        } else {
            Files.deleteIfExists(rotated(keep));
            for (int i = keep - 1; i >= 1; i--) {
                Path older = rotated(i);
                if (Files.exists(older)) {
                    Files.move(older, rotated(i + 1), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(file, rotated(1), StandardCopyOption.REPLACE_EXISTING);
        }
        open();
    }

    Path rotated(int index) {
        return file.resolveSibling(file.getFileName() + "." + index);
    }
}
