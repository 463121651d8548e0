package org.regionwise.pytorch.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import org.regionwise.core.io.AtomicFiles;

/**
 * The PyTorch engine's state file {@code parameters.bin}: a portable, documented layout that needs neither DJL nor
 * PyTorch to read. Big-endian: the magic {@code "RWPT"}, a format version (int 1), the entry count (int), then per
 * entry its name (modified UTF-8), its rank (int), its dimensions (long each) and its float32 values in the canonical
 * layout (row-major; kernels {@code [kh, kw, a, b]} as the TensorFlow engine); finally the CRC-32 of everything
 * before it (long). Written atomically; a truncated or altered file is refused naming it.
 */
final class StateFile {
    static final String NAME = "parameters.bin";
    private static final int MAGIC = 0x52575054, VERSION = 1;

    /** A named array. */
    record Array(long[] shape, float[] values) {}

    private StateFile() {}

    static void write(Path file, Map<String, Array> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(bytes))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(entries.size());
            for (Map.Entry<String, Array> e : entries.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().shape().length);
                for (long d : e.getValue().shape()) out.writeLong(d);
                for (float v : e.getValue().values()) out.writeFloat(v);
            }
            out.flush();
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + file, e);
        }
        AtomicFiles.writeBytes(file, bytes.toByteArray());
    }

    static Map<String, Array> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("missing " + file + " (is " + file.getParent() + " a saved RegionWise PyTorch model?)");
        }
        CRC32 crc = new CRC32();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
             CheckedInputStream checked = new CheckedInputStream(raw, crc);
             DataInputStream in = new DataInputStream(checked)) {
            if (in.readInt() != MAGIC) throw new IllegalArgumentException(file + " is not a RegionWise PyTorch state file");
            int version = in.readInt();
            if (version != VERSION) throw new IllegalArgumentException(file + " has format version " + version + ", this build reads " + VERSION);
            int n = in.readInt();
            Map<String, Array> out = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                int rank = in.readInt();
                if (rank < 0 || rank > 8) throw new IllegalArgumentException(file + ": entry " + name + " has rank " + rank);
                long[] shape = new long[rank];
                long size = 1;
                for (int r = 0; r < rank; r++) { shape[r] = in.readLong(); size *= shape[r]; }
                if (size < 0 || size > Integer.MAX_VALUE) throw new IllegalArgumentException(file + ": entry " + name + " is too large");
                float[] v = new float[(int) size];
                for (int j = 0; j < v.length; j++) v[j] = in.readFloat();
                out.put(name, new Array(shape, v));
            }
            long expected = crc.getValue();
            DataInputStream tail = new DataInputStream(raw);
            long stored = tail.readLong();
            if (stored != expected) throw new IllegalArgumentException(file + " is corrupt: its checksum does not match");
            return out;
        } catch (java.io.EOFException e) {
            throw new IllegalArgumentException(file + " is truncated", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
