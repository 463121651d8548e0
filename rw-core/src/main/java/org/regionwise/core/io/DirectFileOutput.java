package org.regionwise.core.io;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A new file's output stream that writes large content past the page cache ({@code O_DIRECT}), small content as
 * usual.
 *
 * <p>Why: a one-case command such as {@code rw maps} writes a 4D float32 volume of 100-200 MB once. Through the page
 * cache the kernel has to find, zero and map a fresh page for every 4 KiB before the file's {@code fsync} writes it
 * all again; on the project's VM that costs 0.8-1.5 s of system time for 142 MB, against 0.08-0.11 s for the same
 * bytes written with {@code O_DIRECT} ({@code dd ... oflag=direct conv=fsync}, rw-examples README).
 *
 * <p>How: bytes collect in an aligned {@value #CHUNK}-byte buffer. Content that never fills it is written through an
 * ordinary channel on {@link #close}. Once it fills, a second channel with {@link ExtendedOpenOption#DIRECT} writes
 * whole aligned chunks; the last partial block goes through the ordinary channel. Where the file system refuses
 * {@code O_DIRECT} (tmpfs, some network file systems) every byte goes through the ordinary channel: the content is
 * the same either way. The caller still forces the file to disk.
 */
final class DirectFileOutput extends OutputStream {
    /** Bytes per direct write: a multiple of every block size in use. */
    static final int CHUNK = 4 << 20;
    private static final int MAX_ALIGNMENT = 1 << 16;

    private final Path file;
    private final FileChannel plain;
    private final ByteBuffer buffer;
    private final int alignment;
    private @Nullable FileChannel direct;
    private boolean directRefused;
    private long position;
    private boolean closed;

    private DirectFileOutput(Path file, FileChannel plain, int alignment) {
        this.file = file;
        this.plain = plain;
        this.alignment = alignment;
        this.buffer = ByteBuffer.allocateDirect(CHUNK + alignment).alignedSlice(alignment);
        this.buffer.limit(CHUNK);
    }

    /**
     * Creates {@code file}, which must not exist.
     *
     * @param file the new file
     * @return its stream
     * @throws IOException when the file cannot be created
     */
    static DirectFileOutput create(Path file) throws IOException {
        FileChannel plain = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        int alignment = 4096;
        try {
            long block = Files.getFileStore(file).getBlockSize();
            if (block > 0 && block <= MAX_ALIGNMENT && Long.bitCount(block) == 1) alignment = (int) Math.max(4096, block);
        } catch (IOException | UnsupportedOperationException e) {
            // keep 4 KiB; a refusal of O_DIRECT later falls back to the ordinary channel
        }
        return new DirectFileOutput(file, plain, alignment);
    }

    /** Whether the chunks went past the page cache (for tests). */
    boolean wroteDirect() {
        return direct != null;
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        if (!buffer.hasRemaining()) drainChunk();
        buffer.put((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureOpen();
        Objects.checkFromIndexSize(off, len, b.length);
        while (len > 0) {
            if (!buffer.hasRemaining()) drainChunk();
            int n = Math.min(len, buffer.remaining());
            buffer.put(b, off, n);
            off += n;
            len -= n;
        }
    }

    /** Writes the full buffer: directly where allowed; a failed direct write is retried through the page cache. */
    private void drainChunk() throws IOException {
        buffer.flip();
        FileChannel channel = directChannel();
        if (channel != null) {
            long start = position;
            try {
                writeFully(channel, buffer);
            } catch (IOException e) {                   // e.g. EINVAL after a short write: finish without O_DIRECT
                directRefused = true;
                direct = null;
                channel.close();
                position = start;
                buffer.rewind();
            }
        }
        if (buffer.hasRemaining()) writeFully(plain, buffer);
        buffer.clear().limit(CHUNK);
    }

    private @Nullable FileChannel directChannel() {
        if (direct == null && !directRefused) {
            try {
                direct = FileChannel.open(file, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
            } catch (IOException | UnsupportedOperationException e) {
                directRefused = true;
            }
        }
        return direct;
    }

    private void writeFully(FileChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) position += channel.write(bytes, position);
    }

    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        try (FileChannel p = plain; FileChannel d = direct) {
            buffer.flip();
            if (d != null) {                            // whole blocks directly, the tail through the page cache
                int whole = buffer.remaining() / alignment * alignment;
                int end = buffer.limit();
                buffer.limit(whole);
                writeFully(d, buffer);
                buffer.limit(end);
            }
            writeFully(p, buffer);
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) throw new IOException(file + ": stream closed");
    }
}
