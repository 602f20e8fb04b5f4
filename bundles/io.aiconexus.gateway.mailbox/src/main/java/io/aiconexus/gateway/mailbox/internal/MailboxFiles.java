package io.aiconexus.gateway.mailbox.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aiconexus.gateway.mailbox.StoredFrame;

/** Where mailboxes live on disk, and reading them back after a restart or a crash. */
final class MailboxFiles {
    private static final Logger LOG = LoggerFactory.getLogger(MailboxFiles.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUFFIX = ".mailbox";

    private final Path directory;
    private final boolean fsync;

    MailboxFiles(Path directory, boolean fsync) throws IOException {
        this.directory = Files.createDirectories(directory);
        this.fsync = fsync;
    }

    Mailbox create(String did, long expiresAt) throws IOException {
        Mailbox mailbox = new Mailbox(did, directory.resolve(name(did)), fsync);
        mailbox.expiresAtMillis = expiresAt;
        mailbox.openFile();
        return mailbox;
    }

    /** Every mailbox on disk. A torn last line (the gateway killed mid-write) is skipped. */
    List<Mailbox> load() throws IOException {
        List<Mailbox> mailboxes = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList()) {
                Mailbox mailbox = read(file);
                if (mailbox != null) {
                    mailbox.openFile();
                    mailboxes.add(mailbox);
                }
            }
        }
        return mailboxes;
    }

    private Mailbox read(Path file) throws IOException {
        Mailbox mailbox = null;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (IOException torn) {
                    LOG.warn("Mailbox file {}: skipping an unreadable line (written when the gateway stopped?)", file);
                    continue;
                }
                if (node.has("did")) {
                    mailbox = new Mailbox(node.get("did").asText(), file, fsync);
                    mailbox.expiresAtMillis = node.path("expires").asLong();
                } else if (mailbox != null && node.has("text")) {
                    mailbox.restore(new StoredFrame(node.path("from").asText(), node.path("id").asText(),
                            node.get("text").asText()));
                } else if (mailbox != null && node.has("expires")) {
                    mailbox.expiresAtMillis = node.get("expires").asLong();
                }
            }
        }
        if (mailbox == null) {
            LOG.warn("Mailbox file {} has no header: removed", file);
            Files.deleteIfExists(file);
        }
        return mailbox;
    }

    private static String name(String did) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(did.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest) + SUFFIX;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
