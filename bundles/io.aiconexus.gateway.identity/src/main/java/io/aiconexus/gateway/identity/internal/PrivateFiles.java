package io.aiconexus.gateway.identity.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads and writes small secret files: owner-only, replaced atomically, synced to disk. */
final class PrivateFiles {
    /** A key file is a few hundred bytes; anything much larger is not one and is not read into memory. */
    static final int MAX_SIZE = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(PrivateFiles.class);
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_ATTRIBUTE =
            PosixFilePermissions.asFileAttribute(OWNER_ONLY);

    private PrivateFiles() {
    }

    /**
     * Replaces {@code file} with {@code content} so that a reader, or a crash, sees the old file or
     * the new one, never a torn one. The temporary file is created owner-only, so the secret is never
     * readable by others, not even for a moment.
     */
    static void writeAtomically(Path file, byte[] content) throws IOException {
        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        Files.createDirectories(directory);
        boolean posix = isPosix(target);
        String prefix = "." + target.getFileName() + ".";
        Path temp = posix ? Files.createTempFile(directory, prefix, ".tmp", OWNER_ONLY_ATTRIBUTE)
                : Files.createTempFile(directory, prefix, ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        syncDirectory(directory);
        if (!posix) {
            LOG.warn("The file system of {} has no POSIX permissions: restrict access to this key file yourself", target);
        }
    }

    static boolean exists(Path file) {
        return Files.exists(file);
    }

    /** The content of {@code file}, with errors that name the file and the fix. */
    static byte[] read(Path file) throws IOException {
        try {
            if (Files.size(file) > MAX_SIZE) {
                throw new IOException("key file " + file + ": too large to be a key file (" + Files.size(file) + " bytes)");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException("key file " + file + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new IOException("key file " + file + ": permission denied; the gateway's user must be able to read it", e);
        }
    }

    /** Says so when a secret file is open to others, as ssh does; reading it is still allowed. */
    static void warnIfShared(Path file) {
        if (!isPosix(file)) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(p -> !p.name().startsWith("OWNER_"))) {
                LOG.warn("Key file {} is accessible to others ({}): run chmod 600 on it", file,
                        PosixFilePermissions.toString(permissions));
            }
        } catch (IOException e) {
            // the read that follows reports the problem with the file
        }
    }

    static boolean isPosix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Makes the rename itself durable; not every platform can open a directory, which is then fine. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not sync directory {}: {}", directory, e.toString());
        }
    }
}
