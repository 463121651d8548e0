package org.regionwise.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Writes files all-or-nothing: the content goes to a temporary file in the target's directory, is flushed to disk,
 * and is then renamed onto the target with {@link StandardCopyOption#ATOMIC_MOVE}. Readers see either the old file or
 * the complete new one, never a half-written file; on any failure the temporary file is deleted and the target is
 * left as it was.
 *
 * <p>Every writer in RegionWise (images, maps, reports, checkpoints) should write through this class.
 * Missing parent directories are created.
 */
public final class AtomicFiles {
    private static final Logger LOG = LogManager.getLogger(AtomicFiles.class);
    private static final int BUFFER = 1 << 16;

    private AtomicFiles() {}

    /** Writes the content of a file to a stream; the stream is buffered and closed by {@link AtomicFiles}. */
    @FunctionalInterface
    public interface ContentWriter {
        /**
         * Writes the content.
         *
         * @param out the stream to write to
         * @throws IOException when writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} atomically with the bytes {@code writer} produces.
     *
     * @param target the file to write
     * @param writer produces the bytes
     * @throws UncheckedIOException naming {@code target} when anything fails; the target is then unchanged
     */
    public static void write(Path target, ContentWriter writer) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(writer, "writer");
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = null;
        try {
            if (dir != null) Files.createDirectories(dir);
            tmp = temporarySibling(absolute);
            try (OutputStream raw = DirectFileOutput.create(tmp);
                 OutputStream out = new BufferedOutputStream(raw, BUFFER)) {
                writer.writeTo(out);
            }
            forceToDisk(tmp);
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                LOG.warn("{}: atomic rename not supported by this file system, replacing non-atomically", target);
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + describe(e), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    LOG.warn("{}: could not delete temporary file {}: {}", target, tmp, e.toString());
                }
            }
        }
    }

    /**
     * Writes {@code bytes} to {@code target} atomically.
     *
     * @param target the file to write
     * @param bytes the content
     */
    public static void writeBytes(Path target, byte[] bytes) {
        write(target, out -> out.write(bytes));
    }

    /**
     * Writes {@code text} as UTF-8 to {@code target} atomically.
     *
     * @param target the file to write
     * @param text the content
     */
    public static void writeString(Path target, String text) {
        writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Path temporarySibling(Path target) {
        String name = target.getFileName().toString();
        String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        return target.resolveSibling("." + name + "." + suffix + ".tmp");
    }

    private static void forceToDisk(Path file) throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    static String describe(IOException e) {
        String kind = null;
        if (e instanceof java.nio.file.NoSuchFileException) kind = "no such file or directory";
        else if (e instanceof java.nio.file.AccessDeniedException) kind = "permission denied";
        else if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) kind = f.getReason();
        if (kind == null) return String.valueOf(e.getMessage());
        return e.getMessage() == null ? kind : kind + " (" + e.getMessage() + ")";
    }
}
