package org.regionwise.core.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.image.SpatialFrame;

/**
 * A NIfTI-1 file as read: the header information and the voxel data, kept in the file's own datatype until converted
 * with {@link #toFloatImage()}, {@link #toLabelImage()} or {@link #toClassMaps()}.
 *
 * <p>Values are always reported after the header's linear scaling {@code value = scl_slope * stored + scl_inter}
 * ({@code scl_slope} 0 or NaN means no scaling, as in the NIfTI-1 standard).
 *
 * <p>Axes: the file's 1st to 3rd axes are the spatial grid ({@link #grid()}), x fastest; a 4th axis holds volumes
 * (time points, or classes for {@link ClassMaps}). A 4D file with a single slice ({@code dim[3] = 1}) has a 2D grid.
 * Spacing is in mm (files in metres or microns are converted on reading).
 *
 * <p>Immutable and safe to share between threads; every conversion returns new arrays.
 */
public final class NiftiVolume {
    private final Path file;
    private final NiftiHeader header;
    private final ByteBuffer data;
    private final boolean compressed;
    private final Grid grid;
    private final int volumes;
    private volatile @Nullable Stats stats;

    NiftiVolume(Path file, NiftiHeader header, ByteBuffer data, boolean compressed) {
        this.file = file;
        this.compressed = compressed;
        this.header = header;
        this.data = data.order(header.order);
        int axes = header.axes();
        if (axes < 2) {
            throw ImageFormatException.header(file, "dim[0]", header.dim[0], "means a 1D image, which is not supported "
                    + "(RegionWise reads 2D, 3D and 4D images)");
        }
        if (axes > 4) {
            throw ImageFormatException.header(file, "dim[0]", header.dim[0], "with dim = "
                    + Arrays.toString(Arrays.copyOfRange(header.dim, 1, header.dim[0] + 1))
                    + " is a " + axes + "D image, which is not supported (RegionWise reads 2D, 3D and 4D images)");
        }
        int spatial = axes == 2 || (axes == 4 && header.dim[3] == 1) ? 2 : 3;
        int[] size = new int[spatial];
        double[] spacing = new double[spatial];
        for (int a = 0; a < spatial; a++) {
            size[a] = header.dim[a + 1];
            spacing[a] = spacingOf(a + 1);
        }
        this.volumes = axes == 4 ? header.dim[4] : 1;
        this.grid = Grid.of(size, spacing, header.frame());
    }

    private double spacingOf(int i) {
        double p = Math.abs(header.pixdim[i]);
        if (Double.isFinite(p) && p > 0) return p;
        if (header.dim[i] == 1) return 1.0;
        throw ImageFormatException.header(file, "pixdim[" + i + "]", header.pixdim[i],
                "is not a valid voxel spacing (must be finite and > 0 mm on an axis of " + header.dim[i] + " voxels)");
    }

    // ------------------------------------------------------------------------------------------------ header

    /**
     * The file this volume was read from.
     *
     * @return the path
     */
    public Path file() { return file; }

    /**
     * The stored datatype.
     *
     * @return the datatype
     */
    public NiftiDatatype datatype() { return header.datatype; }

    /**
     * {@code "int16"}, {@code "float32"}, ...
     *
     * @return the datatype's name
     */
    public String datatypeName() { return header.datatype.typeName(); }

    /**
     * Number of axes (2, 3 or 4; trailing size-1 axes beyond the 4th are ignored).
     *
     * @return the axis count
     */
    public int dimensions() { return header.axes(); }

    /**
     * Size of every axis, {@code dim[1..dimensions()]}.
     *
     * @return a copy of the sizes
     */
    public int[] shape() { return Arrays.copyOfRange(header.dim, 1, header.axes() + 1); }

    /**
     * Number of volumes along the 4th axis (1 for a 2D or 3D file).
     *
     * @return the volume count
     */
    public int volumes() { return volumes; }

    /**
     * {@code pixdim} of every axis, {@code pixdim[1..dimensions()]}: mm for the spatial axes, the file's own unit
     * (see {@link #timeUnit()}) for the 4th.
     *
     * @return a copy of the pixdim values
     */
    public double[] pixdim() { return Arrays.copyOfRange(header.pixdim, 1, header.axes() + 1); }

    /**
     * The spatial grid: size, spacing (mm) and frame of the first 2 or 3 axes.
     *
     * @return the grid
     */
    public Grid grid() { return grid; }

    /**
     * Spacing of the spatial axes in mm, {@code grid().spacings()}.
     *
     * @return the spacings in mm
     */
    public double[] spacing() { return grid.spacings(); }

    /**
     * The qform and sform, as stored.
     *
     * @return the frame
     */
    public SpatialFrame frame() { return grid.frame(); }

    /**
     * The byte order the file was written in.
     *
     * @return the order
     */
    public ByteOrder byteOrder() { return header.order; }

    /**
     * True when the voxel data came from a gzip stream.
     *
     * @return whether the file was gzipped
     */
    public boolean isCompressed() { return compressed; }

    /**
     * True for a single {@code .nii} file (magic {@code "n+1"}), false for a {@code .hdr}/{@code .img} pair.
     *
     * @return whether it is one file
     */
    public boolean isSingleFile() { return header.isSingleFile(); }

    /**
     * {@code scl_slope} as stored (0 or NaN: no scaling).
     *
     * @return the slope
     */
    public double sclSlope() { return header.sclSlope; }

    /**
     * {@code scl_inter} as stored.
     *
     * @return the intercept
     */
    public double sclInter() { return header.sclInter; }

    /**
     * True when the stored values are scaled ({@code scl_slope} finite and non-zero, and not the identity).
     *
     * @return whether values are scaled
     */
    public boolean isScaled() {
        return hasSlope() && (header.sclSlope != 1 || (Double.isFinite(header.sclInter) && header.sclInter != 0));
    }

    /**
     * The {@code descrip} text.
     *
     * @return the description
     */
    public String description() { return header.description; }

    /**
     * {@code intent_code} (0 none).
     *
     * @return the intent code
     */
    public int intentCode() { return header.intentCode; }

    /**
     * Byte offset of the voxel data in the file.
     *
     * @return the offset in bytes
     */
    public long dataOffset() { return header.dataOffset(); }

    /**
     * The spatial unit of the file before conversion to mm: {@code "mm"}, {@code "m"}, {@code "um"} or {@code
     * "unknown"}.
     *
     * @return the unit
     */
    public String spatialUnit() {
        return switch (header.xyztUnits & 0x07) {
            case 1 -> "m";
            case 2 -> "mm";
            case 3 -> "um";
            default -> "unknown";
        };
    }

    /**
     * The unit of {@code pixdim[4]}: {@code "s"}, {@code "ms"}, {@code "us"}, {@code "Hz"}, ... or {@code "unknown"}.
     *
     * @return the unit
     */
    public String timeUnit() {
        return switch (header.xyztUnits & 0x38) {
            case 8 -> "s";
            case 16 -> "ms";
            case 24 -> "us";
            case 32 -> "Hz";
            case 40 -> "ppm";
            case 48 -> "rad/s";
            default -> "unknown";
        };
    }

    /**
     * The voxel-to-world affine (mm), row-major 4x4: sform if its code is set, else qform, else diag(spacing).
     *
     * @return the 4x4 affine
     */
    public double[][] affine() { return NiftiAffine.of(grid); }

    /**
     * Axis codes such as {@code "RAS"} or {@code "LPS"}: where each voxel axis points in world space.
     *
     * @return the axis codes
     */
    public String orientation() { return NiftiAffine.axisCodes(affine(), grid.dimensions()); }

    // ------------------------------------------------------------------------------------------------ values

    /**
     * Number of voxels over all axes.
     *
     * @return the voxel count
     */
    public long voxelCount() { return header.voxelCount(); }

    /**
     * The scaled value of voxel {@code index} (flat, x fastest, volumes last).
     *
     * @param index the flat voxel index
     * @return the value
     */
    public double value(long index) { return scale(raw((int) index)); }

    /**
     * True when every value (after scaling) is a finite integer.
     *
     * @return whether every value is an integer
     */
    public boolean isIntegerValued() { return stats().firstNonInteger < 0; }

    /**
     * {@code {min, max}} of the scaled values, NaN ignored ({@code {NaN, NaN}} if all are NaN).
     *
     * @return the minimum and maximum
     */
    public double[] range() {
        Stats s = stats();
        return s.min > s.max ? new double[] {Double.NaN, Double.NaN} : new double[] {s.min, s.max};
    }

    /**
     * The image as floats after scaling; needs a 2D or 3D file (or 4D with one volume).
     *
     * @return the image
     */
    public FloatImage toFloatImage() {
        requireSingleVolume("a 2D or 3D image", "use toFloatImage(volume) or readClassMaps for 4D files");
        return toFloatImage(0);
    }

    /**
     * Volume {@code volume} (0-based) of the 4th axis as floats after scaling.
     *
     * @param volume the 0-based volume
     * @return the image
     */
    public FloatImage toFloatImage(int volume) {
        if (volume < 0 || volume >= volumes) {
            throw new IllegalArgumentException("volume " + volume + " is outside [0, " + volumes + ") of " + file);
        }
        return new FloatImage(grid, floats(volume));
    }

    /**
     * K = {@link #volumes()} class maps, the 4th axis being the class.
     *
     * @return the maps
     */
    public ClassMaps toClassMaps() {
        float[][] maps = new float[volumes][];
        for (int k = 0; k < volumes; k++) maps[k] = floats(k);
        return new ClassMaps(grid, maps);
    }

    /**
     * The image as integer labels; every value must be a non-negative integer (after scaling).
     *
     * @return the labels
     * @throws ImageFormatException naming the first voxel that is not, or the 4th axis of a 4D file
     */
    public LabelImage toLabelImage() {
        requireSingleVolume("a 2D or 3D label image", "label images have one volume");
        int n = grid.voxelCount();
        int[] labels = new int[n];
        boolean direct = header.datatype.isInteger() && !isScaled();
        if (direct && integerLabels(labels)) return new LabelImage(grid, labels);
        for (int i = 0; i < n; i++) {
            double v = direct ? raw(i) : scale(raw(i));
            if (!(v >= 0 && v <= Integer.MAX_VALUE && v == Math.rint(v))) {
                String why = Double.isNaN(v) ? "NaN, not a label" : v < 0 ? "negative; labels must be >= 0"
                        : v == Math.rint(v) ? "too large for a label" : "not an integer; labels must be integers";
                throw new ImageFormatException(file, "voxel " + describeVoxel(i),
                        "voxel " + describeVoxel(i) + " has value " + format(v) + ", which is " + why
                        + " (datatype " + header.datatype.typeName() + scalingText() + ")");
            }
            labels[i] = (int) v;
        }
        return new LabelImage(grid, labels);
    }

    /**
     * The fast path of {@link #toLabelImage()} for unscaled integer data: one typed loop per datatype. Returns false,
     * leaving {@code labels} partly filled, when a value is negative (the general loop then names the voxel).
     */
    private boolean integerLabels(int[] labels) {
        ByteBuffer d = data;
        int n = labels.length;
        int min = 0;
        switch (header.datatype) {
            case UINT8 -> { for (int i = 0; i < n; i++) labels[i] = d.get(i) & 0xff; }
            case UINT16 -> { for (int i = 0; i < n; i++) labels[i] = d.getShort(2 * i) & 0xffff; }
            case INT8 -> { for (int i = 0; i < n; i++) min = Math.min(min, labels[i] = d.get(i)); }
            case INT16 -> { for (int i = 0; i < n; i++) min = Math.min(min, labels[i] = d.getShort(2 * i)); }
            case INT32 -> { for (int i = 0; i < n; i++) min = Math.min(min, labels[i] = d.getInt(4 * i)); }
            default -> { return false; }
        }
        return min >= 0;
    }

    private void requireSingleVolume(String what, String hint) {
        if (volumes != 1) {
            throw ImageFormatException.header(file, "dim[4]", volumes, "volumes: this is a 4D image of "
                    + String.join("x", Arrays.stream(shape()).mapToObj(String::valueOf).toList())
                    + ", but " + what + " was expected (" + hint + ")");
        }
    }

    private float[] floats(int volume) {
        int n = grid.voxelCount();
        int base = volume * n;
        float[] out = new float[n];
        boolean scaled = isScaled();
        double slope = header.sclSlope;
        double inter = Double.isFinite(header.sclInter) ? header.sclInter : 0;
        ByteBuffer d = data;
        switch (header.datatype) {
            case UINT8 -> { for (int i = 0; i < n; i++) out[i] = d.get(base + i) & 0xff; }
            case INT8 -> { for (int i = 0; i < n; i++) out[i] = d.get(base + i); }
            case INT16 -> { for (int i = 0; i < n; i++) out[i] = d.getShort(2 * (base + i)); }
            case UINT16 -> { for (int i = 0; i < n; i++) out[i] = d.getShort(2 * (base + i)) & 0xffff; }
            case INT32 -> {
                if (scaled) {
                    for (int i = 0; i < n; i++) out[i] = (float) (d.getInt(4 * (base + i)) * slope + inter);
                    return out;
                }
                for (int i = 0; i < n; i++) out[i] = d.getInt(4 * (base + i));
            }
            case FLOAT32 -> { for (int i = 0; i < n; i++) out[i] = d.getFloat(4 * (base + i)); }
            case FLOAT64 -> {
                if (scaled) {
                    for (int i = 0; i < n; i++) out[i] = (float) (d.getDouble(8 * (base + i)) * slope + inter);
                    return out;
                }
                for (int i = 0; i < n; i++) out[i] = (float) d.getDouble(8 * (base + i));
            }
        }
        if (scaled) {
            for (int i = 0; i < n; i++) out[i] = (float) (out[i] * slope + inter);
        }
        return out;
    }

    /** The stored (unscaled) value of voxel {@code i}. */
    private double raw(int i) {
        ByteBuffer d = data;
        return switch (header.datatype) {
            case UINT8 -> d.get(i) & 0xff;
            case INT8 -> d.get(i);
            case INT16 -> d.getShort(2 * i);
            case UINT16 -> d.getShort(2 * i) & 0xffff;
            case INT32 -> d.getInt(4 * i);
            case FLOAT32 -> d.getFloat(4 * i);
            case FLOAT64 -> d.getDouble(8 * i);
        };
    }

    private boolean hasSlope() { return Double.isFinite(header.sclSlope) && header.sclSlope != 0; }

    private double scale(double raw) {
        if (!isScaled()) return raw;
        double inter = Double.isFinite(header.sclInter) ? header.sclInter : 0;
        return raw * header.sclSlope + inter;
    }

    private String scalingText() {
        return isScaled() ? ", scl_slope " + format(header.sclSlope) + ", scl_inter " + format(header.sclInter) : "";
    }

    private Stats stats() {
        Stats s = stats;
        if (s == null) {
            s = new Stats();
            long n = voxelCount();
            for (int i = 0; i < n; i++) {
                double v = scale(raw(i));
                if (v < s.min) s.min = v;
                if (v > s.max) s.max = v;
                if (s.firstNonInteger < 0 && !(Double.isFinite(v) && v == Math.rint(v))) s.firstNonInteger = i;
            }
            stats = s;
        }
        return s;
    }

    private static final class Stats {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long firstNonInteger = -1;
    }

    /** {@code "(x=3, y=4, z=5)"}, with {@code t} for 4D files. */
    String describeVoxel(long i) {
        int[] shape = shape();
        StringBuilder b = new StringBuilder("(");
        String[] names = {"x", "y", "z", "t"};
        long rest = i;
        for (int a = 0; a < shape.length; a++) {
            if (a > 0) b.append(", ");
            b.append(names[Math.min(a, 3)]).append('=').append(rest % shape[a]);
            rest /= shape[a];
        }
        return b.append(')').toString();
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.9g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e")
                .replaceAll("\\.$", "");
    }

    @Override public String toString() {
        return "NiftiVolume[" + file + ", " + datatypeName() + ", " + Arrays.toString(shape()) + "]";
    }
}
