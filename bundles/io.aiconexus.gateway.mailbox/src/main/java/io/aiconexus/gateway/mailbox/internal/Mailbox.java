package io.aiconexus.gateway.mailbox.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.mailbox.StoredFrame;

/**
 * One absent agent's frames, in memory and in an append-only JSON-lines file: a header line
 * ({@code did}, {@code expires}) and one line per frame. A later {@code expires} line replaces
 * the deadline. The file is deleted when the mailbox closes. Guarded by its own monitor.
 */
final class Mailbox {
    private static final ObjectMapper JSON = new ObjectMapper();

    final String did;
    final Path file;
    private final boolean fsync;
    private final List<StoredFrame> frames = new ArrayList<>();
    private FileChannel channel;
    private long bytes;
    long expiresAtMillis;
    boolean closed;

    Mailbox(String did, Path file, boolean fsync) {
        this.did = did;
        this.file = file;
        this.fsync = fsync;
    }

    /** Opens the file for appending; a new mailbox writes its header. */
    void openFile() throws IOException {
        boolean fresh = !Files.exists(file);
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        if (fresh) {
            write(JSON.createObjectNode().put("did", did).put("expires", expiresAtMillis));
        }
    }

    void extend(long expiresAt) throws IOException {
        expiresAtMillis = expiresAt;
        write(JSON.createObjectNode().put("expires", expiresAt));
    }

    int size() {
        return frames.size();
    }

    long bytes() {
        return bytes;
    }

    void add(StoredFrame frame) throws IOException {
        write(JSON.createObjectNode().put("from", frame.sender()).put("id", frame.id()).put("text", frame.text()));
        restore(frame);
    }

    /** Adds a frame read back from the file. */
    void restore(StoredFrame frame) {
        frames.add(frame);
        bytes += frame.text().length();
    }

    List<StoredFrame> takeAll() {
        List<StoredFrame> taken = List.copyOf(frames);
        frames.clear();
        bytes = 0;
        return taken;
    }

    void delete() {
        try {
            if (channel != null) {
                channel.close();
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot delete mailbox file " + file, e);
        }
    }

    private void write(ObjectNode line) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap((line.toString() + "\n").getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        if (fsync) {
            channel.force(false);
        }
    }
}
