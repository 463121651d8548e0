package org.regionwise.maps.distance;

import java.util.Arrays;
import java.util.Locale;
import org.regionwise.core.image.Grid;
import org.regionwise.core.map.DistanceUnits;
import org.regionwise.maps.distance.internal.ForegroundBox;
import org.regionwise.maps.distance.internal.SeparableTransform;
import org.regionwise.maps.distance.internal.SquaredStore;

/**
 * Exact Euclidean distance transform of a binary mask on an N-D grid with anisotropic spacing, with the semantics of
 * SciPy's {@code scipy.ndimage.distance_transform_edt(mask, sampling=spacing)}.
 *
 * <h2>What it computes</h2>
 * For every <b>foreground</b> voxel {@code p} ({@code mask[p] == true}):
 * {@code D(p) = min_{q : mask[q] == false} sqrt( sum_a (s_a (p_a - q_a))^2 )}, the Euclidean distance in the units
 * of {@code spacing} (pass all ones for voxel units) to the nearest <b>background</b> voxel. Background voxels get 0.
 * The image border is not a boundary: voxels outside the grid do not count as background.
 *
 * <p><b>No background at all</b> (an all-true mask, including a mask of one foreground voxel): every voxel gets
 * {@code +infinity}. The distance to the nearest element of an empty set is the infimum of the empty set, and
 * {@code +inf} is the only value that keeps {@code D} monotone (adding background never increases it) and cannot be
 * mistaken for a real distance. SciPy instead silently measures to a virtual voxel at index {@code (-1, 0, ...)}
 * and returns numbers that depend on the position in the array; callers that normalise by {@code max D} (the RW maps)
 * must handle this case explicitly, and they do. When at least one background voxel exists, every value is finite.
 * An all-false mask gives all zeros.
 *
 * <h2>Algorithm</h2>
 * The squared distance is separable: {@code D^2(p) = min_q [ sum_a s_a^2 (p_a - q_a)^2 ]} is computed one axis at a
 * time. The first pass (axis 0) computes 1-D distances along each line by two scans; every further axis takes the
 * lower envelope of parabolas {@code min_q f(q) + s_a^2 (p - q)^2} of the previous result, after P. F. Felzenszwalb
 * and D. P. Huttenlocher, <i>Distance Transforms of Sampled Functions</i>, Theory of Computing 8 (2012) 415-428,
 * doi:10.4086/toc.2012.v008a019. The metric is kept out of the sweep (as in ImgLib2's {@code DistanceTransform}):
 * the envelope always works with unit spacing on values divided by {@code s_a^2}, and the result is multiplied back.
 * Each line is further split at background voxels, which hide everything behind them.
 *
 * <p><b>Complexity:</b> {@code O(d * N)} time for {@code N} voxels in {@code d} dimensions, independent of the
 * shapes in the mask; memory: the output array plus, per thread, buffers of a few block lines. The lines of each pass
 * are independent and are shared among {@link #threads(int)} threads (the caller and pooled daemon helpers), with
 * blocks of neighbouring lines gathered together on non-contiguous axes. The result is bit-identical for every thread
 * count.
 *
 * <p><b>Precision:</b> {@link #squaredDistance} works in {@code double} throughout (exact for integer voxel units);
 * {@link #distance} keeps intermediate squared values in {@code float} (relative error about {@code 1e-7}).
 *
 * <p>Instances are immutable and thread-safe; concurrent calls are allowed.
 */
public final class EuclideanDistanceTransform {
    /** Below this many voxels a transform runs on the calling thread only: hand-off costs more than it saves. */
    private static final int PARALLEL_THRESHOLD = 1 << 15;
    /** Spacing limits: squared distances must neither underflow to 0 nor overflow in {@code float}. */
    private static final double MIN_SPACING = 1e-12, MAX_SPACING = 1e12;

    private final int threads;

    private EuclideanDistanceTransform(int threads) {
        this.threads = threads;
    }

    /**
     * A transform that uses every available core ({@link Runtime#availableProcessors()}).
     *
     * @return the transform
     */
    public static EuclideanDistanceTransform create() {
        return new EuclideanDistanceTransform(Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * A copy that uses at most {@code n >= 1} threads per call.
     *
     * @param n the thread limit
     * @return a new transform
     */
    public EuclideanDistanceTransform threads(int n) {
        if (n < 1) throw new IllegalArgumentException("EDT thread count must be >= 1, got " + n);
        return new EuclideanDistanceTransform(n);
    }

    /**
     * The maximum number of threads per call.
     *
     * @return the thread limit
     */
    public int threads() {
        return threads;
    }

    /**
     * Euclidean distance from each foreground voxel to the nearest background voxel, in the units of {@code spacing}.
     *
     * @param mask    foreground ({@code true}) / background, flat, x fastest; length {@code prod(size)}
     * @param size    voxels per axis (any number of axes >= 1)
     * @param spacing voxel size per axis in {@code [1e-12, 1e12]} (all ones for voxel units); the bounds keep squared
     *                distances away from underflow and float overflow
     * @return a new array: 0 on background, the distance on foreground, {@code +inf} everywhere if there is no
     *     background voxel
     */
    public float[] distance(boolean[] mask, int[] size, double[] spacing) {
        check(mask, size, spacing);
        float[] out = new float[mask.length];
        transform(mask, size, spacing, new SquaredStore.Floats(out), true);
        return out;
    }

    /**
     * As {@link #distance(boolean[], int[], double[])} but squared, in double precision.
     *
     * @param mask true for foreground voxels, x fastest
     * @param size voxels per axis
     * @param spacing the spacing per axis
     * @return the squared distance per voxel
     */
    public double[] squaredDistance(boolean[] mask, int[] size, double[] spacing) {
        check(mask, size, spacing);
        double[] out = new double[mask.length];
        transform(mask, size, spacing, new SquaredStore.Doubles(out), false);
        return out;
    }

    /** Fills {@code out}, on the grown foreground box when that is small (exact: see {@link ForegroundBox}). */
    private void transform(boolean[] mask, int[] size, double[] spacing, SquaredStore out, boolean sqrt) {
        ForegroundBox box = ForegroundBox.of(mask, size);
        if (box == null) {
            SeparableTransform.run(mask, size, spacing, out, sqrt, threadsFor(mask.length));
            return;
        }
        boolean[] m = box.crop(mask);
        SquaredStore d = out.ofSize(m.length);
        SeparableTransform.run(m, box.boxSize(), spacing, d, sqrt, threadsFor(m.length));
        box.paste(d, out);
    }

    /**
     * Distance on {@code grid} in mm (the grid's spacing).
     *
     * @param mask true for foreground voxels, x fastest
     * @param grid the grid
     * @return the distance per voxel in mm
     */
    public float[] distance(boolean[] mask, Grid grid) {
        return distance(mask, grid, DistanceUnits.PHYSICAL);
    }

    /**
     * Distance on {@code grid}, in mm ({@link DistanceUnits#PHYSICAL}) or voxels ({@link DistanceUnits#VOXELS}).
     *
     * @param mask true for foreground voxels, x fastest
     * @param grid the grid
     * @param units mm or voxels
     * @return the distance per voxel
     */
    public float[] distance(boolean[] mask, Grid grid, DistanceUnits units) {
        return distance(mask, grid.sizes(), spacing(grid, units));
    }

    /**
     * Squared distance on {@code grid}, in mm² or voxels².
     *
     * @param mask true for foreground voxels, x fastest
     * @param grid the grid
     * @param units mm or voxels
     * @return the squared distance per voxel
     */
    public double[] squaredDistance(boolean[] mask, Grid grid, DistanceUnits units) {
        return squaredDistance(mask, grid.sizes(), spacing(grid, units));
    }

    private static double[] spacing(Grid grid, DistanceUnits units) {
        if (units == DistanceUnits.PHYSICAL) return grid.spacings();
        double[] ones = new double[grid.dimensions()];
        Arrays.fill(ones, 1.0);
        return ones;
    }

    private int threadsFor(int voxels) {
        return voxels < PARALLEL_THRESHOLD ? 1 : threads;
    }

    private static void check(boolean[] mask, int[] size, double[] spacing) {
        if (size.length == 0) throw new IllegalArgumentException("EDT size needs at least one axis, got []");
        if (spacing.length != size.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "EDT spacing has %d values but size has %d axes (size %s, spacing %s)",
                    spacing.length, size.length, Arrays.toString(size), Arrays.toString(spacing)));
        }
        long n = 1;
        for (int a = 0; a < size.length; a++) {
            if (size[a] < 1) {
                throw new IllegalArgumentException("EDT size must be >= 1 on every axis, but axis " + a + " has "
                        + size[a] + " (size " + Arrays.toString(size) + ")");
            }
            double s = spacing[a];
            if (!(s >= MIN_SPACING && s <= MAX_SPACING)) {
                throw new IllegalArgumentException("EDT spacing must lie in [1e-12, 1e12] (finite and > 0), but axis "
                        + a + " has " + s + " (spacing " + Arrays.toString(spacing) + ")");
            }
            n *= size[a];
        }
        if (n != mask.length) {
            throw new IllegalArgumentException("EDT mask has " + mask.length + " voxels but size "
                    + Arrays.toString(size) + " has " + n);
        }
    }

    @Override
    public String toString() {
        return "EuclideanDistanceTransform[threads=" + threads + "]";
    }
}
