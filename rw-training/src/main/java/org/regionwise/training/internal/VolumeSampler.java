package org.regionwise.training.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.image.Grid;
import org.regionwise.training.cache.CachedCase;
import org.regionwise.training.cache.CachedVolumes;
import org.regionwise.training.cache.internal.Moments;

/**
 * Crops and augments cubic training patches from 3D volumes of one or more channels, as {@link PatchSampler} does in
 * 2D: intensities z-scored per case and channel over the whole volume ({@code (x - mean) / std}, as
 * {@link Predictor} normalises a volume for a 3D network), the patch resampled through the {@link Augmentation3D}
 * matrix around a centre voxel (trilinear for intensities, nearest for labels, 0 / background outside the volume; a
 * mirrored-only patch is copied without interpolation), the last third of each batch centred on a random foreground
 * voxel (nnU-Net's oversampling), the rest on a uniformly random voxel. Volumes come from memory or, for a
 * {@link CachedVolumes} list, from the memory-mapped case files (each case's mean and std computed once, in the same
 * order as in memory, so both give bit-identical patches).
 */
public final class VolumeSampler implements PatchSource {

    /** One 3D case as the sampler sees it. */
    interface Volume {
        int nx();
        int ny();
        int nz();
        double[] spacing();
        /** Z-scored intensity of channel {@code ch} at {@code (x, y, z)}, inside the volume. */
        float value(int ch, int x, int y, int z);
        int label(int x, int y, int z);
        long foregroundCount();
        /** Flat index {@code x + nx (y + ny z)} of foreground voxel {@code j}. */
        int foregroundAt(long j);
    }

    /** A volume in memory, z-scored. */
    record InMemory(int nx, int ny, int nz, double[] spacing, float[][] channels, int[] labels, int[] foreground) implements Volume {
        @Override public float value(int ch, int x, int y, int z) { return channels[ch][x + nx * (y + ny * z)]; }
        @Override public int label(int x, int y, int z) { return labels[x + nx * (y + ny * z)]; }
        @Override public long foregroundCount() { return foreground.length; }
        @Override public int foregroundAt(long j) { return foreground[(int) j]; }
    }

    /** A mapped case, z-scored with its whole-volume statistics. */
    record Mapped(CachedCase c, int nx, int ny, int nz, double[] spacing, double[] mean, double[] std) implements Volume {
        @Override public float value(int ch, int x, int y, int z) { return (float) ((c.value(ch, x, y, z) - mean[ch]) / std[ch]); }
        @Override public int label(int x, int y, int z) { return c.label(x, y, z); }
        @Override public long foregroundCount() { return c.foregroundCount(); }
        @Override public int foregroundAt(long j) { return c.foregroundVoxel(j); }
    }

    private final @Nullable List<InMemory> cases;
    private final @Nullable CachedVolumes mapped;
    private final ConcurrentHashMap<Integer, Mapped> stats = new ConcurrentHashMap<>();
    private final int count, size, channels;
    private final boolean augment;

    /**
     * A sampler of {@code size}³ patches over {@code samples}: 3D volumes in memory (z-scored once here), or a
     * {@link CachedVolumes} list read from the mapped cache at each draw.
     *
     * @param samples the training volumes
     * @param size the patch edge, voxels
     * @param augment whether to augment
     */
    public VolumeSampler(List<Sample> samples, int size, boolean augment) {
        if (samples.isEmpty()) throw new IllegalArgumentException("training needs at least one training volume");
        this.size = size;
        this.augment = augment;
        this.count = samples.size();
        if (samples instanceof CachedVolumes cv) {
            this.mapped = cv;
            this.cases = null;
            this.channels = cv.channels();
            for (int i = 0; i < cv.size(); i++) {
                if (cv.caseAt(i).dimensions() != 3) throw new IllegalArgumentException("case file " + cv.caseAt(i).file() + " is 2D; a 3D U-Net trains on 3D volumes");
            }
            return;
        }
        this.mapped = null;
        this.channels = samples.get(0).channelCount();
        List<InMemory> c = new ArrayList<>();
        for (Sample s : samples) {
            if (s.channelCount() != channels) {
                throw new IllegalArgumentException("training sample " + s.id() + " has " + s.channelCount() + " channels, the first one " + channels);
            }
            c.add(prepare(s));
        }
        this.cases = List.copyOf(c);
    }

    static InMemory prepare(Sample s) {
        Grid g = s.image().grid();
        if (g.dimensions() != 3) {
            throw new IllegalArgumentException("training sample " + s.id() + " is " + g.describeSize() + "; a 3D U-Net trains on 3D volumes (train a 2D U-Net on slices, or load the volumes whole)");
        }
        int[] lab = s.labels().data();
        return new InMemory(g.size(0), g.size(1), g.size(2), g.spacings(), PatchSampler.zScored(s), lab, PatchSampler.foreground(lab));
    }

    /** A mapped case with its whole-volume mean and std, summed x fastest in double as {@link PatchSampler#zScore}. */
    static Mapped statistics(CachedCase c) {
        int[] sh = c.shape();
        int nc = c.channels();
        double[] mean = new double[nc], std = new double[nc];
        float[] row = new float[sh[0] * sh[1]];
        long n = (long) sh[0] * sh[1] * sh[2];
        for (int ch = 0; ch < nc; ch++) {
            double sum = 0, sq = 0;
            for (int z = 0; z < sh[2]; z++) {
                c.readPatch(ch, new int[] {0, 0, z}, new int[] {sh[0], sh[1], 1}, 0f, row);
                for (float v : row) { sum += v; sq += (double) v * v; }
            }
            mean[ch] = Moments.mean(sum, n);
            std[ch] = Moments.std(sum, sq, n);
        }
        return new Mapped(c, sh[0], sh[1], sh[2], c.spacing(), mean, std);
    }

    private Volume volume(int i) {
        if (mapped != null) return stats.computeIfAbsent(i, k -> statistics(mapped.caseAt(k)));
        return cases.get(i);
    }

    @Override public int channels() { return channels; }

    @Override public int[] patchShape() { return new int[] {size, size, size}; }

    @Override public PatchSampler.Patch draw(SplittableRandom r, int j, int batchSize) {
        Volume v = volume(r.nextInt(count));
        boolean forceForeground = j >= Math.round(batchSize * (1 - 0.33));
        int centre;
        if (forceForeground && v.foregroundCount() > 0) centre = v.foregroundAt(r.nextLong(v.foregroundCount()));
        else centre = (int) r.nextLong((long) v.nx() * v.ny() * v.nz());
        Augmentation3D a = augment ? Augmentation3D.draw(r, v.spacing()) : Augmentation3D.none();
        int cx = centre % v.nx(), cy = (centre / v.nx()) % v.ny(), cz = centre / (v.nx() * v.ny());
        return extract(v, cx, cy, cz, a);
    }

    PatchSampler.Patch extract(Volume c, int cx, int cy, int cz, Augmentation3D aug) {
        int p = size, nc = channels, half = p / 2;
        float[] img = new float[p * p * p * nc];
        int[] lab = new int[p * p * p];
        double[] a = aug.a();
        boolean integral = aug.integral();
        for (int w = 0; w < p; w++) {
            double dw = w - half;
            for (int v = 0; v < p; v++) {
                double dv = v - half;
                for (int u = 0; u < p; u++) {
                    double du = u - half;
                    double sx = cx + a[0] * du + a[1] * dv + a[2] * dw;
                    double sy = cy + a[3] * du + a[4] * dv + a[5] * dw;
                    double sz = cz + a[6] * du + a[7] * dv + a[8] * dw;
                    int o = u + p * (v + p * w);
                    if (integral) {
                        int x = (int) sx, y = (int) sy, z = (int) sz;
                        boolean in = inside(c, x, y, z);
                        for (int ch = 0; ch < nc; ch++) img[o * nc + ch] = in ? c.value(ch, x, y, z) : 0f;
                        lab[o] = in ? c.label(x, y, z) : 0;
                        continue;
                    }
                    int x0 = (int) Math.floor(sx), y0 = (int) Math.floor(sy), z0 = (int) Math.floor(sz);
                    double fx = sx - x0, fy = sy - y0, fz = sz - z0;
                    for (int ch = 0; ch < nc; ch++) img[o * nc + ch] = trilinear(c, ch, x0, y0, z0, fx, fy, fz);
                    int nx = (int) Math.round(sx), ny = (int) Math.round(sy), nz = (int) Math.round(sz);
                    lab[o] = inside(c, nx, ny, nz) ? c.label(nx, ny, nz) : 0;
                }
            }
        }
        SplittableRandom noise = aug.noiseSigma() > 0 ? new SplittableRandom(aug.noiseSeed()) : null;
        if (aug.brightness() != 1 || noise != null) {
            for (int i = 0; i < img.length; i++) {
                double x = img[i] * aug.brightness();
                if (noise != null) x += gaussian(noise) * aug.noiseSigma();
                img[i] = (float) x;
            }
        }
        return new PatchSampler.Patch(img, lab, c.spacing());
    }

    private static boolean inside(Volume c, int x, int y, int z) {
        return x >= 0 && y >= 0 && z >= 0 && x < c.nx() && y < c.ny() && z < c.nz();
    }

    private static float trilinear(Volume c, int ch, int x0, int y0, int z0, double fx, double fy, double fz) {
        double s = 0;
        for (int dz = 0; dz <= 1; dz++) {
            double wz = dz == 0 ? 1 - fz : fz;
            if (wz == 0) continue;
            for (int dy = 0; dy <= 1; dy++) {
                double wy = dy == 0 ? 1 - fy : fy;
                if (wy == 0) continue;
                for (int dx = 0; dx <= 1; dx++) {
                    double wx = dx == 0 ? 1 - fx : fx;
                    if (wx == 0) continue;
                    int x = x0 + dx, y = y0 + dy, z = z0 + dz;
                    if (inside(c, x, y, z)) s += wx * wy * wz * c.value(ch, x, y, z);
                }
            }
        }
        return (float) s;
    }

    private static double gaussian(SplittableRandom r) {
        double u1 = r.nextDouble(), u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
