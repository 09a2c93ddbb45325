package io.xgate.controlplane.commit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Replaces a file so that a reader (or a restart after a crash) sees either the old content or the new,
 * never a mix: the new content goes to a temporary file in the same directory, is forced to disk, renamed
 * over the target, and the directory is forced so the rename itself survives a power cut. Files are 0600
 * from their creation on, because configs hold keys.
 */
final class AtomicFile {
    static final String TEMP_SUFFIX = ".tmp";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** Called with the target right before the rename; the crash test parks its child JVM here. */
    private final Consumer<Path> beforeRename;

    AtomicFile(final Consumer<Path> beforeRename) {
        this.beforeRename = beforeRename;
    }

    void write(final Path target, final String content) throws IOException {
        final Path dir = target.toAbsolutePath().getParent();
        final Path temp = Files.createTempFile(dir, "." + target.getFileName(), TEMP_SUFFIX,
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                final ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            beforeRename.accept(target);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (final AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + target + " atomically", e);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        forceDirectory(dir);
    }

    /** Temporary files a crash left behind never became the file they were for: they are dropped. */
    static void removeLeftovers(final Path dir) throws IOException {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, ".*" + TEMP_SUFFIX)) {
            for (final Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        }
    }

    static void createPrivateDirectory(final Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        }
    }

    private static void forceDirectory(final Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
