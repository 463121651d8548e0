package org.regionwise.training.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.MappedByteBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.training.cache.internal.Half;

/**
 * One case file ({@link CaseFile}) opened read-only and memory-mapped: intensities, labels and foreground voxels stay
 * in the operating system's page cache, not in the Java heap; only the header and the slice statistics (a few
 * hundred bytes per slice) are read into memory. Reads are thread-safe. The mapping lives as long as the object is
 * reachable (JDK 17 has no explicit unmapping).
 */
public final class CachedCase {
    private final Path file;
    private final int dimensions, channels, classes, labelBytes;
    private final int[] shape, low, size;
    private final double[] spacing;
    private final CaseFile.Storage storage;
    private final long foregroundCount, crc, fileLength, statsOffset;
    private final float[] fill;
    private final long[] classVoxels;
    private final double[] fgSum, fgSq;
    private final String sourceStamp;
    private final double[][] mean = new double[3][], std = new double[3][];
    private final int[][] sliceForeground = new int[3][];
    private final long[] zForegroundStart;
    private final FloatBuffer[] f32;
    private final ShortBuffer[] f16;
    private final @org.jspecify.annotations.Nullable ByteBuffer labels8;
    private final @org.jspecify.annotations.Nullable ShortBuffer labels16;
    private final IntBuffer foreground;

    private CachedCase(Path file, FileChannel ch) throws IOException {
        this.file = file;
        long actual = ch.size();
        ByteBuffer fixed = read(ch, 0, CaseFile.FIXED_HEADER, actual);
        byte[] magic = new byte[8];
        fixed.get(magic);
        if (!Arrays.equals(magic, CaseFile.MAGIC)) throw bad("not a RegionWise case file (bad magic)");
        int version = fixed.getInt();
        if (version != CaseFile.VERSION) throw bad("case-file version " + version + ", this RegionWise reads " + CaseFile.VERSION);
        int headerBytes = fixed.getInt();
        dimensions = fixed.getInt();
        shape = new int[] {fixed.getInt(), fixed.getInt(), fixed.getInt()};
        spacing = new double[] {fixed.getDouble(), fixed.getDouble(), fixed.getDouble()};
        low = new int[] {fixed.getInt(), fixed.getInt(), fixed.getInt()};
        size = new int[] {fixed.getInt(), fixed.getInt(), fixed.getInt()};
        channels = fixed.getInt();
        int st = fixed.getInt();
        if (st < 0 || st > 1) throw bad("unknown intensity storage " + st);
        storage = CaseFile.Storage.values()[st];
        labelBytes = fixed.getInt();
        classes = fixed.getInt();
        foregroundCount = fixed.getLong();
        crc = fixed.getLong();
        statsOffset = fixed.getLong();
        long intensityOffset = fixed.getLong(), labelOffset = fixed.getLong(), foregroundOffset = fixed.getLong();
        fileLength = fixed.getLong();
        int stampLength = fixed.getInt();
        if (fileLength != actual) throw bad("truncated or overwritten: header says " + fileLength + " bytes, the file has " + actual);
        if (channels < 1 || classes < 2 || (labelBytes != 1 && labelBytes != 2) || stampLength < 0) throw bad("corrupt header");
        for (int a = 0; a < 3; a++) {
            if (shape[a] < 1 || low[a] < 0 || size[a] < 0 || low[a] + size[a] > shape[a]) throw bad("corrupt header (shape or crop box)");
        }
        ByteBuffer rest = read(ch, CaseFile.FIXED_HEADER, headerBytes - CaseFile.FIXED_HEADER, actual);
        fill = new float[channels];
        for (int c = 0; c < channels; c++) fill[c] = rest.getFloat();
        classVoxels = new long[classes];
        for (int k = 0; k < classes; k++) classVoxels[k] = rest.getLong();
        fgSum = new double[channels];
        fgSq = new double[channels];
        for (int c = 0; c < channels; c++) fgSum[c] = rest.getDouble();
        for (int c = 0; c < channels; c++) fgSq[c] = rest.getDouble();
        byte[] stamp = new byte[stampLength];
        rest.get(stamp);
        sourceStamp = new String(stamp, StandardCharsets.UTF_8);

        int sum = shape[0] + shape[1] + shape[2];
        ByteBuffer stats = read(ch, statsOffset, 16L * channels * sum + 4L * sum, actual);
        for (int a = 0; a < 3; a++) {
            mean[a] = new double[shape[a] * channels];
            std[a] = new double[shape[a] * channels];
            for (int j = 0; j < mean[a].length; j++) { mean[a][j] = stats.getDouble(); std[a][j] = stats.getDouble(); }
        }
        for (int a = 0; a < 3; a++) {
            sliceForeground[a] = new int[shape[a]];
            for (int i = 0; i < shape[a]; i++) sliceForeground[a][i] = stats.getInt();
        }
        zForegroundStart = new long[shape[2] + 1];
        for (int z = 0; z < shape[2]; z++) zForegroundStart[z + 1] = zForegroundStart[z] + sliceForeground[2][z];
        if (zForegroundStart[shape[2]] != foregroundCount) throw bad("corrupt slice statistics");

        long box = (long) size[0] * size[1] * size[2];
        f32 = new FloatBuffer[channels];
        f16 = new ShortBuffer[channels];
        for (int c = 0; c < channels; c++) {
            long off = intensityOffset + c * box * storage.bytes();
            MappedByteBuffer m = map(ch, off, box * storage.bytes());
            if (storage == CaseFile.Storage.FLOAT32) f32[c] = m.asFloatBuffer();
            else f16[c] = m.asShortBuffer();
        }
        MappedByteBuffer lm = map(ch, labelOffset, box * labelBytes);
        labels8 = labelBytes == 1 ? lm : null;
        labels16 = labelBytes == 2 ? lm.asShortBuffer() : null;
        foreground = map(ch, foregroundOffset, 4 * foregroundCount).asIntBuffer();
    }

    /**
     * Opens and maps {@code file}, checking its header and length (not its checksum: see {@link #verify()}).
     *
     * @param file a case file
     * @return the case
     * @throws IllegalArgumentException naming the file when it is not an intact case file of this version
     */
    public static CachedCase open(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return new CachedCase(file, ch);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read case file " + file + ": " + e.getMessage(), e);
        }
    }

    private static ByteBuffer read(FileChannel ch, long offset, long length, long actual) throws IOException {
        if (offset + length > actual || length > Integer.MAX_VALUE) throw new IllegalArgumentException("short case file");
        ByteBuffer b = ByteBuffer.allocate((int) length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) if (ch.read(b, offset + b.position()) < 0) throw new IllegalArgumentException("short case file");
        return b.flip();
    }

    private static MappedByteBuffer map(FileChannel ch, long offset, long length) throws IOException {
        MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_ONLY, offset, length);
        m.order(ByteOrder.LITTLE_ENDIAN);
        return m;
    }

    private IllegalArgumentException bad(String why) { return new IllegalArgumentException("case file " + file + ": " + why); }

    /**
     * Recomputes the CRC32C of everything after the header and compares it with the header's.
     *
     * @throws IllegalArgumentException naming the file on a mismatch
     */
    public void verify() {
        CRC32C c = new CRC32C();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocateDirect(1 << 20);
            long pos = statsOffset;
            while (pos < fileLength) {
                b.clear();
                int n = ch.read(b, pos);
                if (n < 0) break;
                b.flip();
                c.update(b);
                pos += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read case file " + file + ": " + e.getMessage(), e);
        }
        if (c.getValue() != crc) throw bad("checksum mismatch (CRC32C " + Long.toHexString(c.getValue()) + ", header " + Long.toHexString(crc) + ")");
    }

    /**
     * The file.
     *
     * @return the file
     */
    public Path file() { return file; }

    /**
     * 2 or 3.
     *
     * @return 2 or 3
     */
    public int dimensions() { return dimensions; }

    /**
     * The {@code nx, ny, nz} of the original grid ({@code nz = 1} in 2D), voxels.
     *
     * @return {@code nx, ny, nz} of the original grid ({@code nz = 1} in 2D), voxels
     */
    public int[] shape() { return shape.clone(); }

    /**
     * The original grid's spacing, mm (three values).
     *
     * @return the original grid's spacing, mm (three values)
     */
    public double[] spacing() { return spacing.clone(); }

    /**
     * The crop box's low corner.
     *
     * @return the crop box's low corner
     */
    public int[] cropLow() { return low.clone(); }

    /**
     * The crop box's size.
     *
     * @return the crop box's size
     */
    public int[] cropSize() { return size.clone(); }

    /**
     * The number of input channels.
     *
     * @return the number of input channels
     */
    public int channels() { return channels; }

    /**
     * K.
     *
     * @return K
     */
    public int classes() { return classes; }

    /**
     * How intensities are stored.
     *
     * @return how intensities are stored
     */
    public CaseFile.Storage storage() { return storage; }

    /**
     * Voxels with label &gt; 0.
     *
     * @return voxels with label &gt; 0
     */
    public long foregroundCount() { return foregroundCount; }

    /**
     * Voxels per class, index = label.
     *
     * @return voxels per class, index = label
     */
    public long[] classVoxels() { return classVoxels.clone(); }

    /**
     * Mean of channel {@code c} over the foreground voxels (NaN without foreground).
     *
     * @param c the channel
     * @return the mean
     */
    public double foregroundMean(int c) { return fgSum[c] / foregroundCount; }

    /**
     * Standard deviation of channel {@code c} over the foreground voxels (NaN without foreground).
     *
     * @param c the channel
     * @return the population standard deviation
     */
    public double foregroundStd(int c) {
        double m = foregroundMean(c);
        return Math.sqrt(Math.max(0, fgSq[c] / foregroundCount - m * m));
    }

    /**
     * What the case was made from, as its writer recorded it.
     *
     * @return what the case was made from, as its writer recorded it
     */
    public String sourceStamp() { return sourceStamp; }

    /**
     * The file's length in bytes.
     *
     * @return the file's length in bytes
     */
    public long bytes() { return fileLength; }

    /**
     * The normalised intensity of channel {@code c} at {@code (x, y, z)}: the stored value inside the crop box, the
     * fill outside it.
     *
     * @param c the channel
     * @param x column
     * @param y row
     * @param z slice (0 in 2D)
     * @return the intensity
     */
    public float value(int c, int x, int y, int z) {
        int dx = x - low[0], dy = y - low[1], dz = z - low[2];
        if (dx < 0 || dy < 0 || dz < 0 || dx >= size[0] || dy >= size[1] || dz >= size[2]) return fill[c];
        int i = dx + size[0] * (dy + size[1] * dz);
        return storage == CaseFile.Storage.FLOAT32 ? f32[c].get(i) : Half.toFloat(f16[c].get(i));
    }

    /**
     * The label at {@code (x, y, z)} (0 outside the crop box).
     *
     * @param x column
     * @param y row
     * @param z slice
     * @return the label
     */
    public int label(int x, int y, int z) {
        int dx = x - low[0], dy = y - low[1], dz = z - low[2];
        if (dx < 0 || dy < 0 || dz < 0 || dx >= size[0] || dy >= size[1] || dz >= size[2]) return 0;
        int i = dx + size[0] * (dy + size[1] * dz);
        return labels8 != null ? labels8.get(i) & 0xFF : labels16.get(i) & 0xFFFF;
    }

    /**
     * Copies the box {@code [low, low + size)} of channel {@code c} into {@code out} ({@code x} fastest): the stored
     * values inside the crop box (bulk reads of whole rows), the fill elsewhere on the grid and {@code outside} beyond
     * the grid. A 3D training patch (or a 2D one: {@code size[2] = 1}) without decoding the case.
     *
     * @param c the channel
     * @param low the box's low corner (may be negative)
     * @param size the box's size, voxels
     * @param outside the value beyond the grid
     * @param out at least {@code size[0] * size[1] * size[2]} floats
     */
    public void readPatch(int c, int[] low, int[] size, float outside, float[] out) {
        int bx = size[0];
        for (int k = 0; k < size[2]; k++) {
            int z = low[2] + k;
            for (int j = 0; j < size[1]; j++) {
                int y = low[1] + j, row = bx * (j + size[1] * k);
                if (z < 0 || z >= shape[2] || y < 0 || y >= shape[1]) { java.util.Arrays.fill(out, row, row + bx, outside); continue; }
                boolean rowInCrop = z >= this.low[2] && z < this.low[2] + this.size[2] && y >= this.low[1] && y < this.low[1] + this.size[1];
                int x0 = Math.max(low[0], this.low[0]), x1 = Math.min(low[0] + bx, this.low[0] + this.size[0]); // stored x range
                if (!rowInCrop || x0 >= x1) { x0 = x1 = low[0]; }
                for (int x = low[0]; x < x0; x++) out[row + x - low[0]] = x < 0 || x >= shape[0] ? outside : fill[c];
                if (x1 > x0) {
                    int src = (x0 - this.low[0]) + this.size[0] * ((y - this.low[1]) + this.size[1] * (z - this.low[2]));
                    int dst = row + x0 - low[0];
                    if (storage == CaseFile.Storage.FLOAT32) {
                        f32[c].get(src, out, dst, x1 - x0);
                    } else {
                        for (int i = 0; i < x1 - x0; i++) out[dst + i] = Half.toFloat(f16[c].get(src + i));
                    }
                }
                for (int x = Math.max(x1, low[0]); x < low[0] + bx; x++) out[row + x - low[0]] = x < 0 || x >= shape[0] ? outside : fill[c];
            }
        }
    }

    /**
     * Copies the labels of the box {@code [low, low + size)} into {@code out} ({@code x} fastest; 0 outside the crop
     * box and the grid).
     *
     * @param low the box's low corner (may be negative)
     * @param size the box's size, voxels
     * @param out at least {@code size[0] * size[1] * size[2]} ints
     */
    public void readLabels(int[] low, int[] size, int[] out) {
        for (int k = 0, o = 0; k < size[2]; k++) {
            for (int j = 0; j < size[1]; j++) {
                for (int i = 0; i < size[0]; i++, o++) {
                    int x = low[0] + i, y = low[1] + j, z = low[2] + k;
                    out[o] = x < 0 || y < 0 || z < 0 || x >= shape[0] || y >= shape[1] || z >= shape[2] ? 0 : label(x, y, z);
                }
            }
        }
    }

    /**
     * Flat index {@code x + nx (y + ny z)} of foreground voxel {@code j} (ascending in {@code j}).
     *
     * @param j 0 .. foregroundCount - 1
     * @return the index
     */
    public int foregroundVoxel(long j) { return foreground.get(Math.toIntExact(j)); }

    /**
     * The index of the first foreground voxel of slice {@code z} (axis 2) in the foreground list.
     *
     * @param z the slice
     * @return the position; slice z's voxels are positions {@code zForegroundStart(z) .. zForegroundStart(z + 1) - 1}
     */
    public long zForegroundStart(int z) { return zForegroundStart[z]; }

    /**
     * Mean of channel {@code c} over slice {@code i} along {@code axis}, as 2D training z-scores it.
     *
     * @param axis 0, 1 or 2
     * @param i the slice
     * @param c the channel
     * @return the mean
     */
    public double sliceMean(int axis, int i, int c) { return mean[axis][i * channels + c]; }

    /**
     * Standard deviation of channel {@code c} over slice {@code i} along {@code axis} (1 for a constant slice).
     *
     * @param axis 0, 1 or 2
     * @param i the slice
     * @param c the channel
     * @return the standard deviation
     */
    public double sliceStd(int axis, int i, int c) { return std[axis][i * channels + c]; }

    /**
     * Foreground voxels of slice {@code i} along {@code axis}.
     *
     * @param axis 0, 1 or 2
     * @param i the slice
     * @return the count
     */
    public int sliceForeground(int axis, int i) { return sliceForeground[axis][i]; }

    /**
     * The grid of a slice normal to {@code axis} (the two other axes in order, their spacing kept), or the whole
     * grid of a 2D case.
     *
     * @param axis 0, 1 or 2 (2 for a 2D case)
     * @return the slice grid
     */
    public Grid sliceGrid(int axis) {
        int a0 = axis == 0 ? 1 : 0, a1 = axis == 2 ? 1 : 2;
        return Grid.of(new int[] {shape[a0], shape[a1]}, new double[] {spacing[a0], spacing[a1]});
    }

    /**
     * Decodes slice {@code index} along {@code axis} (a 2D case: axis 2, index 0, the whole image) into the heap, as
     * {@code FloatImage.slice} and {@code LabelImage.slice} cut it from the whole volume.
     *
     * @param id the sample's id
     * @param axis 0, 1 or 2
     * @param index the slice
     * @return the slice, every channel normalised as stored
     */
    public Sample slice(String id, int axis, int index) {
        Grid g = sliceGrid(axis);
        int nu = g.size(0), nv = g.size(1);
        List<FloatImage> imgs = new ArrayList<>(channels);
        for (int c = 0; c < channels; c++) {
            float[] v = new float[nu * nv];
            for (int j = 0; j < nv; j++) {
                for (int i = 0; i < nu; i++) {
                    v[i + nu * j] = switch (axis) {
                        case 0 -> value(c, index, i, j);
                        case 1 -> value(c, i, index, j);
                        default -> value(c, i, j, index);
                    };
                }
            }
            imgs.add(new FloatImage(g, v));
        }
        int[] lab = new int[nu * nv];
        for (int j = 0; j < nv; j++) {
            for (int i = 0; i < nu; i++) {
                lab[i + nu * j] = switch (axis) {
                    case 0 -> label(index, i, j);
                    case 1 -> label(i, index, j);
                    default -> label(i, j, index);
                };
            }
        }
        return new Sample(id, imgs, new LabelImage(g, lab));
    }

    @Override public String toString() {
        return "CachedCase[" + file.getFileName() + ", " + Arrays.toString(shape) + ", crop " + Arrays.toString(low) + "+"
                + Arrays.toString(size) + ", " + channels + " channel(s), " + storage + "]";
    }
}
