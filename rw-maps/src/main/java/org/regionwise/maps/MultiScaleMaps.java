package org.regionwise.maps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.map.RegionWiseMap;

/**
 * Labels and RW maps at every output scale of a deep-supervised network, as the RW paper trains with nnU-Net:
 * the labels are downsampled with nearest-neighbour interpolation (nnU-Net's {@code DownsampleSegForDSTransform2},
 * order 0) and the map is <b>recomputed</b> at each scale from the downsampled labels (not downsampled itself), so
 * that every scale gets a proper map ({@code -1} at the deepest voxel, {@code +1} outside, ...).
 *
 * <p>Resampling, as {@code skimage.transform.resize(seg, new_shape, order=0, mode="edge", anti_aliasing=False)}
 * called by nnU-Net: the output size per axis is {@code round(n * f)} (half to even, as NumPy, at least 1) for a
 * scale factor {@code f}, and output voxel {@code o} takes the label of input voxel
 * {@code floor((o + 0.5) * n / m)} (the centre-aligned nearest neighbour; for {@code f = 1/2} and even {@code n}
 * that is {@code 2o + 1}). The grid spacing becomes {@code spacing * n / m}.
 */
public final class MultiScaleMaps {
    /**
     * One output scale: level {@code s}, its labels and its maps.
     *
     * @param level the scale, 0 = full resolution
     * @param labels the labels at this scale
     * @param maps the maps at this scale
     */
    public record Scale(int level, LabelImage labels, ClassMaps maps) {
        /**
         * Checks that the labels and maps are given.
         *
         * @param level the scale, 0 = full resolution
         * @param labels the labels at this scale
         * @param maps the maps at this scale
         */
        public Scale {
            Objects.requireNonNull(labels, "labels");
            Objects.requireNonNull(maps, "maps");
        }
    }

    private final RegionWiseMap map;
    private final List<double[]> factors;

    /**
     *
     * @param map the map computed at every scale
     * @param factors per scale, the factor per axis (e.g. {@code {1, 1}}, {@code {0.5, 0.5}}, {@code {0.25, 0.25}};
     *                nnU-Net's {@code deep_supervision_scales}); every factor in {@code (0, 1]}
     */
    public MultiScaleMaps(RegionWiseMap map, List<double[]> factors) {
        this.map = Objects.requireNonNull(map, "map");
        if (factors.isEmpty()) throw new IllegalArgumentException("multi-scale maps need at least one scale");
        List<double[]> copy = new ArrayList<>();
        for (int s = 0; s < factors.size(); s++) {
            double[] f = factors.get(s).clone();
            for (int a = 0; a < f.length; a++) {
                if (!(f[a] > 0 && f[a] <= 1)) {
                    throw new IllegalArgumentException("scale " + s + " has factor " + f[a] + " on axis " + a
                            + ", must be in (0, 1] (factors " + Arrays.toString(f) + ")");
                }
            }
            copy.add(f);
        }
        this.factors = List.copyOf(copy);
    }

    /**
     * Scales {@code 1, 1/2, 1/4, ..., 1/2^(count-1)} on every axis.
     *
     * @param map the map computed at every scale
     * @param count the number of scales
     * @return the multi-scale maps
     */
    public static MultiScaleMaps powersOfTwo(RegionWiseMap map, int count) {
        if (count < 1) throw new IllegalArgumentException("multi-scale maps need at least one scale, got " + count);
        List<double[]> f = new ArrayList<>();
        for (int s = 0; s < count; s++) f.add(new double[] {Math.scalb(1.0, -s)});
        return new MultiScaleMaps(map, f);
    }

    /**
     * The labels and maps at every scale, level 0 first. A one-value factor applies to every axis.
     *
     * @param labels the full-resolution labels
     * @param classes K
     * @return one entry per scale
     */
    public List<Scale> compute(LabelImage labels, int classes) {
        List<Scale> out = new ArrayList<>(factors.size());
        for (int s = 0; s < factors.size(); s++) {
            double[] f = factors.get(s);
            int dims = labels.grid().dimensions();
            double[] perAxis = f.length == 1 ? filled(dims, f[0]) : f;
            if (perAxis.length != dims) {
                throw new IllegalArgumentException("scale " + s + " has " + perAxis.length + " factors for a "
                        + dims + "D image " + labels.grid().describeSize());
            }
            LabelImage ls = downsample(labels, perAxis);
            out.add(new Scale(s, ls, RegionWiseMaps.checkedCompute(map, ls, classes, "map at scale " + s)));
        }
        return List.copyOf(out);
    }

    /**
     * Nearest-neighbour (order 0) resampling of {@code labels} by {@code factor} per axis; see the class docs.
     *
     * @param labels the labels
     * @param factor the factor per axis, each in (0, 1]
     * @return the downsampled labels
     */
    public static LabelImage downsample(LabelImage labels, double[] factor) {
        Grid g = labels.grid();
        int dims = g.dimensions();
        if (factor.length != dims) {
            throw new IllegalArgumentException(factor.length + " factors for a " + dims + "D image " + g.describeSize());
        }
        int[] size = g.sizes();
        int[] out = new int[dims];
        double[] spacing = new double[dims];
        boolean identity = true;
        int[][] source = new int[dims][];
        for (int a = 0; a < dims; a++) {
            out[a] = Math.max(1, (int) Math.rint(size[a] * factor[a]));
            spacing[a] = g.spacing(a) * size[a] / out[a];
            identity &= out[a] == size[a];
            source[a] = new int[out[a]];
            for (int o = 0; o < out[a]; o++) {
                source[a][o] = Math.min(size[a] - 1, (int) Math.floor((o + 0.5) * size[a] / out[a]));
            }
        }
        if (identity) return labels;
        Grid og = Grid.of(out, spacing);
        int[] src = labels.data();
        int[] dst = new int[og.voxelCount()];
        for (int i = 0; i < dst.length; i++) {
            int rest = i, j = 0, stride = 1;
            for (int a = 0; a < dims; a++) {
                j += source[a][rest % out[a]] * stride;
                rest /= out[a];
                stride *= size[a];
            }
            dst[i] = src[j];
        }
        return new LabelImage(og, dst);
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }
}
