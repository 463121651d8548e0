package org.regionwise.core.io;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;

/**
 * Reads and writes NIfTI-1 images.
 *
 * <p>Reading accepts {@code .nii} and {@code .nii.gz} (gzip is detected from the content, not the name), and
 * {@code .hdr}/{@code .img} pairs (also gzipped); either byte order; datatypes uint8, int8, int16, uint16, int32,
 * float32 and float64; {@code scl_slope}/{@code scl_inter} scaling; 2D, 3D and 4D. Writing produces a single
 * little-endian {@code .nii}, gzipped when the name ends in {@code .gz}, with magic {@code "n+1"},
 * {@code vox_offset} 352, {@code pixdim[0]} = qfac, spatial units mm, and the grid's qform and sform unchanged.
 * Every write goes through {@link AtomicFiles}.
 *
 * <p>Every format problem throws {@link ImageFormatException} naming the file and the field; a missing or unreadable
 * file throws {@link UncheckedIOException} naming the file.
 */
public final class Nifti {
    private static final int BUFFER = 1 << 16;
    private static final Logger LOG = LogManager.getLogger(Nifti.class);
    private static final String DESCRIPTION = "RegionWise";
    /** The largest expansion deflate allows (RFC 1951: 258-byte matches in at most 2 bits each, ~1032:1). */
    private static final long MAX_DEFLATE_RATIO = 1032;

    private Nifti() {}

    // ------------------------------------------------------------------------------------------------ reading

    /**
     * Reads any supported NIfTI-1 file: header and (scaled) voxel data.
     *
     * @param file a {@code .nii}, {@code .nii.gz} or {@code .hdr} file
     * @return the volume
     */
    public static NiftiVolume read(Path file) {
        Objects.requireNonNull(file, "file");
        long start = System.nanoTime();
        NiftiVolume v = readVolume(file);
        if (LOG.isDebugEnabled()) {
            LOG.debug("read {}: {} {} {}, {} in {} ms", file, v.datatypeName(),
                    java.util.Arrays.toString(v.shape()), v.byteOrder(), v.isCompressed() ? "gzip" : "uncompressed",
                    (System.nanoTime() - start) / 1_000_000);
        }
        return v;
    }

    /**
     * The number of voxels of a NIfTI-1 file (all volumes of a 4D file), from its header alone: the voxel data is not
     * read or inflated.
     *
     * @param file a {@code .nii}, {@code .nii.gz} or {@code .hdr} file
     * @return the voxel count
     */
    public static long voxelCount(Path file) {
        Objects.requireNonNull(file, "file");
        try (InputStream in = open(file)) {
            return NiftiHeader.decode(file, readUpTo(in, NiftiHeader.SIZEOF_HDR, file, "header")).voxelCount();
        } catch (IOException e) {
            throw ioFailure(file, e);
        }
    }

    private static NiftiVolume readVolume(Path file) {
        NiftiHeader header;
        try (InputStream in = open(file)) {
            header = NiftiHeader.decode(file, readUpTo(in, NiftiHeader.SIZEOF_HDR, file, "header"));
            if (header.isSingleFile()) {
                return new NiftiVolume(file, header, readData(in, file, header, NiftiHeader.SIZEOF_HDR),
                        in instanceof GZIPInputStream);
            }
        } catch (IOException e) {
            throw ioFailure(file, e);
        }
        Path image = pairedImage(file);
        try (InputStream in = open(image)) {
            return new NiftiVolume(file, header, readData(in, image, header, 0), in instanceof GZIPInputStream);
        } catch (IOException e) {
            throw ioFailure(image, e);
        }
    }

    /**
     * Reads a 2D or 3D integer-valued image (any datatype, after scaling) as labels.
     *
     * @param file a NIfTI-1 file
     * @return the labels
     * @throws ImageFormatException for a 4D file, or naming the first voxel whose value is not a non-negative integer
     */
    public static LabelImage readLabels(Path file) { return read(file).toLabelImage(); }

    /**
     * Reads a 2D or 3D image as floats (after {@code scl_slope}/{@code scl_inter}).
     *
     * @param file a NIfTI-1 file
     * @return the image
     */
    public static FloatImage readImage(Path file) { return read(file).toFloatImage(); }

    /**
     * Reads a 4D file whose 4th axis is the class as K = {@code dim[4]} maps (a 3D file gives K = 1).
     *
     * @param file a NIfTI-1 file
     * @return the maps
     */
    public static ClassMaps readClassMaps(Path file) { return read(file).toClassMaps(); }

    private static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            try {
                return new GZIPInputStream(in, BUFFER);
            } catch (IOException e) {
                in.close();
                throw e;
            }
        }
        return in;
    }

    private static ByteBuffer readData(InputStream in, Path file, NiftiHeader h, long position) throws IOException {
        long offset = h.dataOffset();
        long bytes = h.dataBytes();
        if (bytes > Integer.MAX_VALUE - 8) {
            throw ImageFormatException.header(file, "dim", java.util.Arrays.toString(h.dim),
                    "describes " + bytes + " bytes of voxel data, more than RegionWise can hold in one array (2 GiB)");
        }
        if (offset < position) {
            throw ImageFormatException.header(file, "vox_offset", h.voxOffset, "points into the header");
        }
        // Refuse before allocating when the file cannot possibly hold the data: a corrupt header must not cost
        // gigabytes. Deflate expands at most 1032:1, so a gzip file of n bytes holds at most ~1032 n bytes.
        long onDisk = Files.size(file);
        long needed = offset + bytes;
        if (in instanceof GZIPInputStream ? needed > onDisk * MAX_DEFLATE_RATIO + BUFFER : needed > onDisk) {
            throw new ImageFormatException(file, "voxel data", "truncated: the header (dim " + shapeText(h) + ", "
                    + h.datatype.typeName() + ") needs " + bytes + " bytes of voxel data from offset " + offset
                    + " (vox_offset), but the " + (in instanceof GZIPInputStream ? "gzip " : "") + "file has only "
                    + onDisk + " bytes" + (in instanceof GZIPInputStream ? ", which cannot expand to that much" : ""));
        }
        long skip = offset - position;
        long skipped = 0;
        byte[] scratch = new byte[(int) Math.min(skip, BUFFER)];
        while (skipped < skip) {
            int r = readOrEnd(in, scratch, 0, (int) Math.min(scratch.length, skip - skipped));
            if (r < 0) throw truncated(file, h, offset, position + skipped, in);
            skipped += r;
        }
        byte[] data = new byte[(int) bytes];
        int got = readFully(in, data);
        if (got < bytes) throw truncated(file, h, offset, offset + got, in);
        if (in instanceof GZIPInputStream) {
            in.read();   // reaches the end of the gzip member, if nothing follows, so that its CRC and length are checked
        }
        return ByteBuffer.wrap(data).order(h.order);
    }

    private static ImageFormatException truncated(Path file, NiftiHeader h, long offset, long end, InputStream in) {
        String what = in instanceof GZIPInputStream ? "decompressed data" : h.isSingleFile() ? "file" : "image file";
        return new ImageFormatException(file, "voxel data", "truncated: the header (dim " + shapeText(h) + ", "
                + h.datatype.typeName() + ") needs " + h.dataBytes() + " bytes of voxel data from offset " + offset
                + " (vox_offset), but the " + what + " ends after " + end + " bytes");
    }

    private static byte[] readUpTo(InputStream in, int n, Path file, String what) throws IOException {
        byte[] b = new byte[n];
        int got = readFully(in, b);
        return got == n ? b : java.util.Arrays.copyOf(b, got);
    }

    /** Reads until {@code b} is full or the stream ends; returns the number of bytes read. */
    private static int readFully(InputStream in, byte[] b) throws IOException {
        int off = 0;
        while (off < b.length) {
            int r = readOrEnd(in, b, off, b.length - off);
            if (r < 0) break;
            off += r;
        }
        return off;
    }

    /** {@link InputStream#read(byte[], int, int)}, with a gzip stream cut short counted as the end (-1). */
    private static int readOrEnd(InputStream in, byte[] b, int off, int len) throws IOException {
        try {
            return in.read(b, off, len);
        } catch (EOFException e) {
            return -1;
        }
    }

    private static Path pairedImage(Path header) {
        String name = header.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        String imageName;
        if (lower.endsWith(".hdr")) imageName = name.substring(0, name.length() - 4) + (name.endsWith(".HDR") ? ".IMG" : ".img");
        else if (lower.endsWith(".hdr.gz")) imageName = name.substring(0, name.length() - 7) + ".img.gz";
        else {
            throw ImageFormatException.header(header, "magic", "\"ni1\"", "marks the header of a .hdr/.img pair, "
                    + "but the file name does not end in .hdr or .hdr.gz, so the image file cannot be found");
        }
        Path image = header.resolveSibling(imageName);
        if (!Files.exists(image) && lower.endsWith(".hdr.gz")) {
            Path plain = header.resolveSibling(name.substring(0, name.length() - 7) + ".img");
            if (Files.exists(plain)) return plain;
        }
        return image;
    }

    private static RuntimeException ioFailure(Path file, IOException e) {
        if (e instanceof EOFException) {
            return new ImageFormatException(file, "gzip stream",
                    "truncated: the gzip stream ends unexpectedly (" + e.getMessage() + ")", e);
        }
        if (e instanceof ZipException) {
            return new ImageFormatException(file, "gzip stream", "corrupt gzip stream: " + e.getMessage(), e);
        }
        if (e instanceof NoSuchFileException) {
            return new UncheckedIOException(file + ": no such file", e);
        }
        return new UncheckedIOException("cannot read " + file + ": " + AtomicFiles.describe(e), e);
    }

    private static String shapeText(NiftiHeader h) {
        StringBuilder b = new StringBuilder();
        for (int a = 1; a <= h.axes(); a++) {
            if (a > 1) b.append('x');
            b.append(h.dim[a]);
        }
        return b.toString();
    }

    // ------------------------------------------------------------------------------------------------ writing

    /**
     * Writes labels with the smallest datatype that holds the largest label: uint8, int16 or int32; the header says
     * {@code intent_code} NIFTI_INTENT_LABEL (1002) and {@code cal_min} 0 / {@code cal_max} the largest label, so that
     * viewers show the label range.
     *
     * @param file the file to write ({@code .nii} or {@code .nii.gz})
     * @param labels the labels
     */
    public static void write(Path file, LabelImage labels) {
        int max = labels.maxLabel();
        NiftiDatatype dt = max <= 255 ? NiftiDatatype.UINT8 : max <= Short.MAX_VALUE ? NiftiDatatype.INT16 : NiftiDatatype.INT32;
        int[] v = labels.data();
        writeVolume(file, labels.grid(), 0, dt, NiftiHeader.INTENT_LABEL, 0, max, (buf, from, to) -> {
            switch (dt) {
                case UINT8 -> { for (int i = from; i < to; i++) buf.put((byte) v[i]); }
                case INT16 -> { for (int i = from; i < to; i++) buf.putShort((short) v[i]); }
                default -> { for (int i = from; i < to; i++) buf.putInt(v[i]); }
            }
        });
    }

    /**
     * Writes a float image as float32.
     *
     * @param file the file to write ({@code .nii} or {@code .nii.gz})
     * @param image the image
     */
    public static void write(Path file, FloatImage image) {
        float[] v = image.data();
        writeVolume(file, image.grid(), 0, NiftiDatatype.FLOAT32, 0, 0, 0, (buf, from, to) -> putFloats(buf, v, from, to - from));
    }

    /**
     * Writes K class maps as one 4D float32 file, the 4th axis being the class, also for K = 1
     * (a 2D grid becomes nx x ny x 1 x K).
     *
     * @param file the file to write ({@code .nii} or {@code .nii.gz})
     * @param maps the maps
     */
    public static void write(Path file, ClassMaps maps) {
        int n = maps.grid().voxelCount();
        writeVolume(file, maps.grid(), maps.classes(), NiftiDatatype.FLOAT32, 0, 0, 0, (buf, from, to) -> {
            for (int i = from; i < to; ) {                  // volume-major: a chunk spans one class or two
                int k = i / n, offset = i % n, length = Math.min(to - i, n - offset);
                putFloats(buf, maps.data(k), offset, length);
                i += length;
            }
        });
    }

    /** Bulk little-endian copy of {@code values[offset, offset + length)} into {@code buf} at its position. */
    private static void putFloats(ByteBuffer buf, float[] values, int offset, int length) {
        buf.slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(values, offset, length);
        buf.position(buf.position() + length * Float.BYTES);
    }

    /** gzip at level 1 (fastest), as nibabel writes by default ({@code Opener.default_compresslevel = 1}). */
    private static final class FastGzipOutputStream extends GZIPOutputStream {
        FastGzipOutputStream(OutputStream out) throws IOException {
            super(out, BUFFER);
            def.setLevel(java.util.zip.Deflater.BEST_SPEED);
        }
    }

    @FunctionalInterface
    private interface VoxelEncoder {
        /** Puts voxels {@code [from, to)} (flat over all volumes) into {@code buf}. */
        void encode(ByteBuffer buf, int from, int to);
    }

    /**
     * @param volumes the 4th axis (K classes), or 0 for a plain 2D/3D image
     * @param intent  {@code intent_code}; {@code calMin}, {@code calMax}: the display range (0, 0: unset)
     */
    private static void writeVolume(Path file, Grid grid, int volumes, NiftiDatatype dt, int intent, double calMin, double calMax,
                                    VoxelEncoder encoder) {
        Objects.requireNonNull(file, "file");
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean gzip = lower.endsWith(".nii.gz");
        if (!gzip && !lower.endsWith(".nii")) {
            throw new IllegalArgumentException("NIfTI output file name must end in .nii or .nii.gz: " + file);
        }
        int dims = grid.dimensions();
        int axes = volumes > 0 ? 4 : dims;
        int[] shape = new int[axes];
        double[] spacing = new double[axes];
        for (int a = 0; a < axes; a++) {
            shape[a] = a < dims ? grid.size(a) : a == 3 ? volumes : 1;
            spacing[a] = a < dims ? grid.spacing(a) : 1.0;
        }
        for (int a = 0; a < axes; a++) {
            if (shape[a] > Short.MAX_VALUE) {
                throw new IllegalArgumentException("axis " + a + " has " + shape[a] + " voxels; NIfTI-1 allows at most "
                        + Short.MAX_VALUE + " (" + file + ")");
            }
        }
        long total = (long) grid.voxelCount() * Math.max(1, volumes);
        if (total * dt.bytesPerVoxel() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("image of " + total + " " + dt.typeName() + " voxels is too large to write ("
                    + file + ")");
        }
        byte[] header = NiftiHeader.encode(shape, spacing, dt, grid.frame(), DESCRIPTION, intent, calMin, calMax);
        LOG.debug("writing {}: {} {} x {} volume(s)", file, dt.typeName(), grid.describeSize(), Math.max(1, volumes));
        AtomicFiles.write(file, raw -> {
            OutputStream out = gzip ? new FastGzipOutputStream(raw) : raw;
            out.write(header);
            int chunk = Math.max(1, BUFFER * 4 / dt.bytesPerVoxel());
            ByteBuffer buf = ByteBuffer.allocate(chunk * dt.bytesPerVoxel()).order(ByteOrder.LITTLE_ENDIAN);
            for (long from = 0; from < total; from += chunk) {
                int to = (int) Math.min(total, from + chunk);
                buf.clear();
                encoder.encode(buf, (int) from, to);
                out.write(buf.array(), 0, buf.position());
            }
            if (out instanceof GZIPOutputStream g) g.finish();
            out.flush();
        });
    }
}
