package org.regionwise.training.cache;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.CRC32C;
import org.regionwise.core.io.AtomicFiles;
import org.regionwise.training.cache.internal.Half;
import org.regionwise.training.cache.internal.Moments;

/**
 * Writes one preprocessed case in the RegionWise case-file layout ({@value #EXTENSION}), which {@link CachedCase}
 * memory-maps. All numbers little-endian; every section starts on a 64-byte boundary.
 *
 * <pre>
 * header (headerBytes, a multiple of 64)
 *   0   byte[8]  magic "RWCASE\r\n"           8  int version (1)        12 int headerBytes
 *   16  int dimensions (2 or 3)               20 int[3] shape (nx, ny, nz; nz = 1 in 2D), voxels
 *   32  double[3] spacing, mm                 56 int[3] crop low corner  68 int[3] crop size (0 when nothing is kept)
 *   80  int channels C                        84 int storage (0 float32, 1 float16)
 *   88  int label bytes (1 = uint8, 2 = uint16) 92 int classes K         96 long foreground voxels F
 *   104 long CRC32C of every byte after the header
 *   112 long offsets of the slice statistics, intensities, labels, foreground  144 long file length
 *   152 int source-stamp length S             156 float[C] fill         then long[K] voxels per class,
 *   double[C] sum and double[C] sum of squares of the foreground intensities, byte[S] source stamp (UTF-8), zero padding
 * slice statistics: for axis a = 0, 1, 2 and slice i along a, for channel c: double mean, double std;
 *   then for a and i: int foreground voxels of that slice
 * intensities: C blocks of the crop box, x fastest (float32 or float16)
 * labels: the crop box, x fastest (uint8 or uint16)
 * foreground: int[F], the flat indices {@code x + nx (y + ny z)} of the original grid with label &gt; 0, ascending
 * </pre>
 *
 * <p>The crop box is the bounding box of the voxels where a channel differs from its fill value or the label is not
 * 0 (nnU-Net's crop to the non-zero region, with the fill being the normalised value of raw intensity 0); outside it
 * every channel holds its fill and every label is 0, so the original volume is reconstructed exactly. The slice
 * statistics are those of the whole (uncropped) slice as fed to 2D training: {@code mean = Σx / n},
 * {@code std = sqrt(max(0, Σx² / n − mean²))}, 1 when the variance is at most 1e-12, summed in the slice's own voxel
 * order, so that a patch z-scored from the cache is bit-identical to one z-scored from the volume in memory.
 */
public final class CaseFile {
    /** File name extension of case files. */
    public static final String EXTENSION = ".rwcase";
    static final byte[] MAGIC = "RWCASE\r\n".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int FIXED_HEADER = 156;
    static final int ALIGN = 64;
    private static final int CHUNK = 1 << 20;

    private CaseFile() {}

    /** How intensities are stored. */
    public enum Storage {
        /** 4 bytes per voxel, exact. */
        FLOAT32(4),
        /** 2 bytes per voxel, IEEE binary16, rounded to nearest even (relative error at most 2^-11). */
        FLOAT16(2);

        private final int bytes;

        Storage(int bytes) { this.bytes = bytes; }

        /**
         * Bytes per stored voxel.
         *
         * @return 4 or 2
         */
        public int bytes() { return bytes; }
    }

    /**
     * A normalised case to write.
     *
     * @param dimensions  2 or 3
     * @param shape       {@code nx, ny, nz} ({@code nz = 1} in 2D)
     * @param spacing     mm per axis (three values; the third is 1 in 2D)
     * @param channels    per channel the normalised intensities on the whole grid, x fastest; rounded in place to
     *                    float16 when stored so
     * @param fill        per channel the normalised value of a raw 0 (the background the crop removes)
     * @param labels      labels on the grid, 0..classes-1
     * @param classes     K
     * @param sourceStamp what the case was made from (files, sizes, times, options); a cache compares it to decide
     *                    whether the case is stale
     */
    public record Content(int dimensions, int[] shape, double[] spacing, float[][] channels, float[] fill, int[] labels,
                          int classes, String sourceStamp) {
        /**
         * Checks the sizes.
         *
         * @param dimensions 2 or 3
         * @param shape three sizes
         * @param spacing three spacings
         * @param channels one array per channel
         * @param fill one value per channel
         * @param labels the labels
         * @param classes K
         * @param sourceStamp the source stamp
         */
        public Content {
            Objects.requireNonNull(sourceStamp, "sourceStamp");
            if (dimensions != 2 && dimensions != 3) throw new IllegalArgumentException("a case is 2D or 3D, got " + dimensions + "D");
            if (shape.length != 3 || spacing.length != 3) throw new IllegalArgumentException("shape and spacing need three values");
            if (dimensions == 2 && shape[2] != 1) throw new IllegalArgumentException("a 2D case has nz = 1, got " + shape[2]);
            long n = (long) shape[0] * shape[1] * shape[2];
            if (n <= 0 || n > Integer.MAX_VALUE) throw new IllegalArgumentException("bad case size " + Arrays.toString(shape));
            if (channels.length == 0 || fill.length != channels.length) {
                throw new IllegalArgumentException(channels.length + " channels and " + fill.length + " fill values");
            }
            for (float[] c : channels) if (c.length != n) throw new IllegalArgumentException("a channel has " + c.length + " voxels, the grid " + n);
            if (labels.length != n) throw new IllegalArgumentException("labels have " + labels.length + " voxels, the grid " + n);
            if (classes < 2 || classes > 65536) throw new IllegalArgumentException("classes must be 2..65536, got " + classes);
        }
    }

    /**
     * What was written.
     *
     * @param bytes           the file's length
     * @param cropLow         the crop box's low corner
     * @param cropSize        the crop box's size (zeros when nothing differs from the fill)
     * @param foregroundVoxels voxels with label &gt; 0
     */
    public record Written(long bytes, int[] cropLow, int[] cropSize, long foregroundVoxels) {}

    /**
     * Writes {@code c} atomically to {@code file} (a temporary sibling renamed into place, so a crash leaves the old
     * file or none).
     *
     * @param file the target
     * @param c the case
     * @param storage float32 or float16 intensities
     * @return what was written
     * @throws IllegalArgumentException for a label outside 0..K-1 or a crop box whose channel block exceeds 2 GiB
     */
    public static Written write(Path file, Content c, Storage storage) {
        Layout l = Layout.of(c, storage);
        CRC32C crc = new CRC32C();
        l.emitData(c, storage, crc::update);
        byte[] header = l.header(c, storage, crc.getValue());
        AtomicFiles.write(file, out -> {
            out.write(header);
            l.emitData(c, storage, b -> write(out, b));
        });
        return new Written(l.fileLength, l.low.clone(), l.size.clone(), l.foreground);
    }

    private static void write(OutputStream out, ByteBuffer b) {
        try {
            out.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static long align(long n) { return (n + ALIGN - 1) / ALIGN * ALIGN; }

    /** Everything derived from the content before writing: crop box, statistics, offsets. */
    private static final class Layout {
        int[] low = new int[3], size = new int[3];
        long foreground;
        long[] classVoxels;
        double[] fgSum, fgSq;
        double[][] mean = new double[3][], std = new double[3][]; // [axis][i * C + c]
        int[][] sliceFg = new int[3][];
        byte[] stamp;
        int headerBytes;
        long statsOffset, intensityOffset, labelOffset, foregroundOffset, fileLength;
        int labelBytes;

        static Layout of(Content c, Storage storage) {
            Layout l = new Layout();
            int nx = c.shape()[0], ny = c.shape()[1], nz = c.shape()[2], nc = c.channels().length, k = c.classes();
            if (storage == Storage.FLOAT16) {
                for (float[] ch : c.channels()) for (int i = 0; i < ch.length; i++) ch[i] = Half.round(ch[i]);
                for (int i = 0; i < nc; i++) c.fill()[i] = Half.round(c.fill()[i]);
            }
            int[] fillBits = new int[nc];
            for (int i = 0; i < nc; i++) fillBits[i] = Float.floatToRawIntBits(c.fill()[i]);
            int[] lo = {nx, ny, nz}, hi = {-1, -1, -1};
            int[] n = {nx, ny, nz};
            double[][] sum = new double[3][], sq = new double[3][];
            for (int a = 0; a < 3; a++) {
                sum[a] = new double[n[a] * nc];
                sq[a] = new double[n[a] * nc];
                l.sliceFg[a] = new int[n[a]];
            }
            l.classVoxels = new long[k];
            l.fgSum = new double[nc];
            l.fgSq = new double[nc];
            int[] labels = c.labels();
            for (int z = 0, i = 0; z < nz; z++) {
                for (int y = 0; y < ny; y++) {
                    for (int x = 0; x < nx; x++, i++) {
                        int lab = labels[i];
                        if (lab < 0 || lab >= k) {
                            throw new IllegalArgumentException("label " + lab + " at voxel (" + x + ", " + y + ", " + z + ") is outside 0.." + (k - 1));
                        }
                        l.classVoxels[lab]++;
                        boolean keep = lab != 0;
                        if (lab != 0) {
                            l.foreground++;
                            l.sliceFg[0][x]++;
                            l.sliceFg[1][y]++;
                            l.sliceFg[2][z]++;
                        }
                        for (int ch = 0; ch < nc; ch++) {
                            float v = c.channels()[ch][i];
                            if (Float.floatToRawIntBits(v) != fillBits[ch]) keep = true;
                            double d = v, d2 = d * d;
                            sum[0][x * nc + ch] += d; sq[0][x * nc + ch] += d2;
                            sum[1][y * nc + ch] += d; sq[1][y * nc + ch] += d2;
                            sum[2][z * nc + ch] += d; sq[2][z * nc + ch] += d2;
                            if (lab != 0) { l.fgSum[ch] += d; l.fgSq[ch] += d2; }
                        }
                        if (keep) {
                            if (x < lo[0]) lo[0] = x;
                            if (x > hi[0]) hi[0] = x;
                            if (y < lo[1]) lo[1] = y;
                            if (y > hi[1]) hi[1] = y;
                            if (z < lo[2]) lo[2] = z;
                            if (z > hi[2]) hi[2] = z;
                        }
                    }
                }
            }
            for (int a = 0; a < 3; a++) {
                if (hi[a] < 0) { l.low[a] = 0; l.size[a] = 0; }
                else { l.low[a] = lo[a]; l.size[a] = hi[a] - lo[a] + 1; }
            }
            if (l.size[0] == 0 || l.size[1] == 0 || l.size[2] == 0) { l.size = new int[3]; l.low = new int[3]; }
            int[] voxelsPerSlice = {ny * nz, nx * nz, nx * ny};
            for (int a = 0; a < 3; a++) {
                l.mean[a] = new double[n[a] * nc];
                l.std[a] = new double[n[a] * nc];
                for (int j = 0; j < n[a] * nc; j++) {
                    l.mean[a][j] = Moments.mean(sum[a][j], voxelsPerSlice[a]);
                    l.std[a][j] = Moments.std(sum[a][j], sq[a][j], voxelsPerSlice[a]);
                }
            }
            long box = (long) l.size[0] * l.size[1] * l.size[2];
            if (box * storage.bytes() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("the crop box " + Arrays.toString(l.size) + " holds " + box
                        + " voxels; one channel block must stay under 2 GiB");
            }
            l.labelBytes = k <= 256 ? 1 : 2;
            l.stamp = c.sourceStamp().getBytes(StandardCharsets.UTF_8);
            l.headerBytes = (int) align(FIXED_HEADER + 4L * nc + 8L * k + 16L * nc + l.stamp.length);
            l.statsOffset = l.headerBytes;
            long statsBytes = 16L * nc * (nx + ny + nz) + 4L * (nx + ny + nz);
            l.intensityOffset = align(l.statsOffset + statsBytes);
            l.labelOffset = align(l.intensityOffset + box * storage.bytes() * nc);
            l.foregroundOffset = align(l.labelOffset + box * l.labelBytes);
            l.fileLength = l.foregroundOffset + 4 * l.foreground;
            return l;
        }

        byte[] header(Content c, Storage storage, long crc) {
            ByteBuffer b = ByteBuffer.allocate(headerBytes).order(ByteOrder.LITTLE_ENDIAN);
            b.put(MAGIC).putInt(VERSION).putInt(headerBytes).putInt(c.dimensions());
            for (int v : c.shape()) b.putInt(v);
            for (double v : c.spacing()) b.putDouble(v);
            for (int v : low) b.putInt(v);
            for (int v : size) b.putInt(v);
            b.putInt(c.channels().length).putInt(storage.ordinal()).putInt(labelBytes).putInt(c.classes());
            b.putLong(foreground).putLong(crc);
            b.putLong(statsOffset).putLong(intensityOffset).putLong(labelOffset).putLong(foregroundOffset).putLong(fileLength);
            b.putInt(stamp.length);
            for (float f : c.fill()) b.putFloat(f);
            for (long v : classVoxels) b.putLong(v);
            for (double v : fgSum) b.putDouble(v);
            for (double v : fgSq) b.putDouble(v);
            b.put(stamp);
            return b.array();
        }

        /** Streams every byte after the header, in 1 MiB chunks, to {@code sink}. */
        void emitData(Content c, Storage storage, java.util.function.Consumer<ByteBuffer> sink) {
            Emitter e = new Emitter(sink, statsOffset);
            int nc = c.channels().length;
            for (int a = 0; a < 3; a++) {
                for (int j = 0; j < mean[a].length; j++) { e.room(16); e.b.putDouble(mean[a][j]).putDouble(std[a][j]); }
            }
            for (int a = 0; a < 3; a++) for (int v : sliceFg[a]) { e.room(4); e.b.putInt(v); }
            e.padTo(intensityOffset);
            int nx = c.shape()[0], ny = c.shape()[1];
            for (int ch = 0; ch < nc; ch++) {
                float[] v = c.channels()[ch];
                for (int z = low[2]; z < low[2] + size[2]; z++) {
                    for (int y = low[1]; y < low[1] + size[1]; y++) {
                        int row = nx * (y + ny * z);
                        for (int x = low[0]; x < low[0] + size[0]; x++) {
                            e.room(4);
                            if (storage == Storage.FLOAT32) e.b.putFloat(v[row + x]);
                            else e.b.putShort(Half.fromFloat(v[row + x]));
                        }
                    }
                }
            }
            e.padTo(labelOffset);
            int[] lab = c.labels();
            for (int z = low[2]; z < low[2] + size[2]; z++) {
                for (int y = low[1]; y < low[1] + size[1]; y++) {
                    int row = nx * (y + ny * z);
                    for (int x = low[0]; x < low[0] + size[0]; x++) {
                        e.room(2);
                        if (labelBytes == 1) e.b.put((byte) lab[row + x]);
                        else e.b.putShort((short) lab[row + x]);
                    }
                }
            }
            e.padTo(foregroundOffset);
            for (int i = 0; i < lab.length; i++) if (lab[i] != 0) { e.room(4); e.b.putInt(i); }
            e.padTo(fileLength);
            e.flush();
        }
    }

    /** A chunked little-endian byte stream that counts its position in the file. */
    private static final class Emitter {
        final ByteBuffer b = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        final java.util.function.Consumer<ByteBuffer> sink;
        long position;

        Emitter(java.util.function.Consumer<ByteBuffer> sink, long start) { this.sink = sink; this.position = start; }

        void room(int bytes) { if (b.remaining() < bytes) flush(); }

        void flush() {
            b.flip();
            position += b.remaining();
            if (b.hasRemaining()) sink.accept(b);
            b.clear();
        }

        void padTo(long offset) {
            long at = position + b.position();
            if (at > offset) throw new IllegalStateException("section overran its offset: " + at + " > " + offset);
            for (long p = at; p < offset; p++) { room(1); b.put((byte) 0); }
        }
    }
}
