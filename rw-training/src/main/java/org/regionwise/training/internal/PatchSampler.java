package org.regionwise.training.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.jspecify.annotations.Nullable;
import org.regionwise.maps.MultiScaleMaps;
import org.regionwise.training.cache.CachedCase;
import org.regionwise.training.cache.CachedSlices;
import org.regionwise.training.cache.internal.Moments;

/**
 * Crops and augments square training patches from 2D cases of one or more channels. Intensities are z-scored per
 * case and channel ({@code (x - mean) / std}, the same normalisation {@link org.regionwise.training.internal.Predictor}
 * applies), the patch is resampled through the {@link Augmentation} matrix around a centre voxel (bilinear for
 * intensities, every channel alike, nearest for labels, 0 / background outside the image). As nnU-Net, the last third of each batch is centred on a random
 * foreground voxel (when the case has one), the rest on a uniformly random voxel.
 */
public final class PatchSampler implements PatchSource {

    /**
     * One 2D training case as the sampler sees it: its size, spacing, z-scored intensities, labels and foreground
     * voxels, in memory ({@link Case}) or read from a memory-mapped cache ({@link MappedSlice}).
     */
    interface Slice {
        int nx();
        int ny();
        double[] spacing();
        /** Z-scored intensity of channel {@code ch} at {@code (x, y)}, inside the slice. */
        float value(int ch, int x, int y);
        /** Label at {@code (x, y)}, inside the slice. */
        int label(int x, int y);
        int foregroundCount();
        /** In-slice flat index {@code x + nx y} of foreground voxel {@code j}, ascending in {@code j}. */
        int foregroundAt(int j);
    }

    /** A prepared case in memory: z-scored intensities per channel, labels, foreground voxel indices. */
    record Case(int nx, int ny, double[] spacing, float[][] channels, int[] labels, int[] foreground) implements Slice {
        @Override public float value(int ch, int x, int y) { return channels[ch][x + nx * y]; }
        @Override public int label(int x, int y) { return labels[x + nx * y]; }
        @Override public int foregroundCount() { return foreground.length; }
        @Override public int foregroundAt(int j) { return foreground[j]; }
    }

    /**
     * Slice {@code i} of a {@link CachedSlices} list, read from the mapped case file: the value is z-scored with the
     * slice's stored mean and std exactly as {@link #zScore} computes it in memory.
     */
    record MappedSlice(CachedSlices list, int i, CachedCase c, int axis, int index, int nx, int ny, double[] spacing,
                       double[] mean, double[] std) implements Slice {
        static MappedSlice of(CachedSlices list, int i) {
            CachedCase c = list.caseAt(i);
            int axis = list.axisAt(i), index = list.sliceAt(i);
            Grid g = c.sliceGrid(axis);
            double[] mean = new double[c.channels()], std = new double[c.channels()];
            for (int ch = 0; ch < mean.length; ch++) { mean[ch] = c.sliceMean(axis, index, ch); std[ch] = c.sliceStd(axis, index, ch); }
            return new MappedSlice(list, i, c, axis, index, g.size(0), g.size(1), g.spacings(), mean, std);
        }

        @Override public float value(int ch, int x, int y) {
            float v = switch (axis) {
                case 0 -> c.value(ch, index, x, y);
                case 1 -> c.value(ch, x, index, y);
                default -> c.value(ch, x, y, index);
            };
            return (float) ((v - mean[ch]) / std[ch]);
        }

        @Override public int label(int x, int y) {
            return switch (axis) {
                case 0 -> c.label(index, x, y);
                case 1 -> c.label(x, index, y);
                default -> c.label(x, y, index);
            };
        }

        @Override public int foregroundCount() { return list.foregroundCount(i); }
        @Override public int foregroundAt(int j) { return list.foregroundAt(i, j); }
    }

    /** One augmented patch: intensities interleaved NHWC ({@code [y][x][channel]}), labels {@code [y][x]}. */
    public record Patch(float[] image, int[] labels, double[] spacing) {}

    private final @Nullable List<Case> cases;
    private final @Nullable CachedSlices mapped;
    private final int count;
    private final int size;
    private final int channels;
    private final boolean augment;

    /**
     * A sampler over {@code samples}: cases in memory, z-scored once here; or, when {@code samples} is a
     * {@link CachedSlices} list, slices read from the mapped cache at each draw (nothing decoded up front).
     */
    public PatchSampler(List<Sample> samples, int size, boolean augment) {
        if (samples.isEmpty()) throw new IllegalArgumentException("training needs at least one training sample");
        this.size = size;
        this.augment = augment;
        this.count = samples.size();
        if (samples instanceof CachedSlices cs) {
            this.mapped = cs;
            this.cases = null;
            this.channels = cs.channels();
            return;
        }
        this.mapped = null;
        List<Case> c = new ArrayList<>();
        for (Sample s : samples) c.add(prepare(s));
        this.cases = List.copyOf(c);
        this.channels = samples.get(0).channelCount();
        for (Sample s : samples) {
            if (s.channelCount() != channels) {
                throw new IllegalArgumentException("training sample " + s.id() + " has " + s.channelCount() + " channels, the first one " + channels);
            }
        }
    }

    private Slice slice(int i) { return mapped != null ? MappedSlice.of(mapped, i) : cases.get(i); }

    static Case prepare(Sample s) {
        Grid g = s.image().grid();
        if (!g.is2D()) throw new IllegalArgumentException("training sample " + s.id() + " is " + g.describeSize() + ", training runs on 2D cases (3D volumes are predicted slice by slice by a 2D model)");
        int[] lab = s.labels().data();
        return new Case(g.size(0), g.size(1), g.spacings(), zScored(s), lab, foreground(lab));
    }

    /** Every channel of {@code s} z-scored over the whole image ({@link #zScore}). */
    static float[][] zScored(Sample s) {
        float[][] img = new float[s.channelCount()][];
        for (int c = 0; c < img.length; c++) img[c] = zScore(s.channels().get(c).data());
        return img;
    }

    /** The flat indices of the labels above 0, ascending. */
    static int[] foreground(int[] labels) {
        int n = 0;
        for (int l : labels) if (l > 0) n++;
        int[] fg = new int[n];
        n = 0;
        for (int i = 0; i < labels.length; i++) if (labels[i] > 0) fg[n++] = i;
        return fg;
    }

    /** {@code (x - mean) / std} over all voxels (std 1 when the image is constant). */
    public static float[] zScore(float[] x) {
        double sum = 0, sq = 0;
        for (float v : x) { sum += v; sq += (double) v * v; }
        double mean = Moments.mean(sum, x.length), std = Moments.std(sum, sq, x.length);
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) out[i] = (float) ((x[i] - mean) / std);
        return out;
    }

    int patchSize() { return size; }

    @Override public int[] patchShape() { return new int[] {size, size}; }

    @Override public int channels() { return channels; }

    /** Draws patch {@code j} of a batch of {@code batchSize} from {@code r}; it carries its case's spacing. */
    @Override public Patch draw(SplittableRandom r, int j, int batchSize) {
        int ci = r.nextInt(count);
        Slice c = slice(ci);
        boolean forceForeground = j >= Math.round(batchSize * (1 - 0.33));
        int centre;
        if (forceForeground && c.foregroundCount() > 0) centre = c.foregroundAt(r.nextInt(c.foregroundCount()));
        else centre = r.nextInt(c.nx() * c.ny());
        Augmentation a = augment ? Augmentation.draw(r) : Augmentation.none();
        return extract(c, centre % c.nx(), centre / c.nx(), a);
    }

    Patch extract(Slice c, int cx, int cy, Augmentation a) {
        int p = size, nc = channels;
        float[] img = new float[p * p * nc];
        int[] lab = new int[p * p];
        int half = p / 2; // patch voxel (p/2, p/2) sits on the centre voxel: no augmentation is an exact crop
        SplittableRandom noise = a.noiseSigma() > 0 ? new SplittableRandom(a.noiseSeed()) : null;
        for (int v = 0; v < p; v++) {
            double dv = v - half;
            for (int u = 0; u < p; u++) {
                double du = u - half;
                double sx = cx + a.a00() * du + a.a01() * dv;
                double sy = cy + a.a10() * du + a.a11() * dv;
                int o = u + p * v;
                // bilinear weights once per voxel, applied to every channel
                int x0 = (int) Math.floor(sx), y0 = (int) Math.floor(sy);
                double fx = sx - x0, fy = sy - y0;
                for (int ch = 0; ch < nc; ch++) img[o * nc + ch] = bilinear(c, ch, x0, y0, fx, fy);
                int nx = (int) Math.round(sx), ny = (int) Math.round(sy);
                lab[o] = nx >= 0 && ny >= 0 && nx < c.nx() && ny < c.ny() ? c.label(nx, ny) : 0;
            }
        }
        if (a.brightness() != 1 || noise != null) {
            for (int i = 0; i < img.length; i++) {
                double x = img[i] * a.brightness();
                if (noise != null) x += gaussian(noise) * a.noiseSigma();
                img[i] = (float) x;
            }
        }
        return new Patch(img, lab, c.spacing());
    }

    private static double gaussian(SplittableRandom r) {
        double u1 = r.nextDouble(), u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Channel {@code ch} interpolated at {@code (x0 + fx, y0 + fy)}. */
    private static float bilinear(Slice c, int ch, int x0, int y0, double fx, double fy) {
        return (float) ((1 - fx) * (1 - fy) * at(c, ch, x0, y0) + fx * (1 - fy) * at(c, ch, x0 + 1, y0)
                + (1 - fx) * fy * at(c, ch, x0, y0 + 1) + fx * fy * at(c, ch, x0 + 1, y0 + 1));
    }

    private static float at(Slice c, int ch, int x, int y) {
        return x >= 0 && y >= 0 && x < c.nx() && y < c.ny() ? c.value(ch, x, y) : 0f;
    }

    /**
     * Labels downsampled by {@code 2^s} with nnU-Net's order-0 rule ({@link MultiScaleMaps#downsample}: output voxel
     * {@code o} takes input {@code floor((o + 0.5) 2^s)}; spacing multiplied by {@code 2^s}).
     */
    static LabelImage downsample(LabelImage labels, int s) {
        if (s == 0) return labels;
        double f = Math.scalb(1.0, -s);
        return MultiScaleMaps.downsample(labels, new double[] {f, f});
    }

    /**
     * Labels downsampled by {@code factor[a]} along each axis with the same order-0 rule (a factor 1 keeps the axis).
     */
    static LabelImage downsample(LabelImage labels, int[] factor) {
        boolean same = true;
        double[] f = new double[factor.length];
        for (int a = 0; a < f.length; a++) { f[a] = 1.0 / factor[a]; same &= factor[a] == 1; }
        return same ? labels : MultiScaleMaps.downsample(labels, f);
    }
}
