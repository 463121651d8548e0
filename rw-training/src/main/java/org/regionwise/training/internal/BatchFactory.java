package org.regionwise.training.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.map.MapSpec;
import org.regionwise.core.map.RegionWiseMap;
import org.regionwise.training.spi.Batch;

/**
 * Builds the batch of optimiser step {@code (epoch, step)}: patches (2D or 3D), augmentation, labels at every
 * deep-supervision scale (down-sampled by the network's per-axis factor at that scale) and the loss's maps recomputed
 * at every scale from that scale's labels (as the RW paper's nnU-Net training).
 * The result depends only on {@code (seed, epoch, step)}: patch {@code j} draws from its own
 * {@code SplittableRandom} seeded from {@code (seed, epoch, step, j)}, so any thread may build any batch.
 */
public final class BatchFactory {
    private final PatchSource sampler;
    private final List<RegionWiseMap> maps;
    private final int batchSize, classes, scales, channels;
    private final int[][] factors;
    private final long seed;

    /** A factory of 2D batches whose scale {@code s} is {@code 2^s} smaller on both axes. */
    public BatchFactory(PatchSampler sampler, List<MapSpec> mapSpecs, int batchSize, int classes, int scales, long seed) {
        this(sampler, mapSpecs, batchSize, classes, isotropic(scales, 2), seed);
    }

    /**
     * A factory whose output scale {@code s} is {@code factors[s][a]} smaller along image axis {@code a}
     * ({@link org.regionwise.core.backend.ModelSpec.UNet#factor}).
     */
    public BatchFactory(PatchSource sampler, List<MapSpec> mapSpecs, int batchSize, int classes, int[][] factors, long seed) {
        this.sampler = sampler;
        List<RegionWiseMap> m = new ArrayList<>();
        for (MapSpec s : mapSpecs) m.add(MapFactory.create(s));
        this.maps = List.copyOf(m);
        this.batchSize = batchSize;
        this.classes = classes;
        this.scales = factors.length;
        this.factors = factors.clone();
        this.channels = sampler.channels();
        this.seed = seed;
        int dims = sampler.patchShape().length;
        for (int[] f : factors) {
            if (f.length != dims) throw new IllegalArgumentException(f.length + " down-sampling factors for " + dims + "D patches");
        }
    }

    /**
     * The factory of {@code plan}'s batches over {@code training}: 2D patches for a 2D network, cubic 3D patches for a
     * 3D one, {@code scales} output scales down-sampled by the network's per-axis factors, the loss's maps.
     *
     * @param plan the plan (a {@link org.regionwise.core.backend.ModelSpec.UNet} model)
     * @param training the training samples
     * @param scales the output scales the network trains
     * @param augment whether patches are augmented
     * @return the factory
     */
    public static BatchFactory forPlan(org.regionwise.core.backend.TrainingPlan plan, List<org.regionwise.core.backend.Sample> training,
                                       int scales, boolean augment) {
        org.regionwise.core.backend.ModelSpec.UNet spec = (org.regionwise.core.backend.ModelSpec.UNet) plan.model();
        PatchSource sampler = spec.dimensions() == 3 ? new VolumeSampler(training, plan.patchSize(), augment)
                : new PatchSampler(training, plan.patchSize(), augment);
        int[][] factors = new int[scales][];
        for (int s = 0; s < scales; s++) factors[s] = spec.factor(s);
        return new BatchFactory(sampler, plan.loss().maps(), plan.batchSize(), spec.classes(), factors, plan.seed());
    }

    /** Factors {@code 2^s} on every one of {@code dims} axes, for {@code scales} scales. */
    static int[][] isotropic(int scales, int dims) {
        int[][] f = new int[scales][dims];
        for (int s = 0; s < scales; s++) java.util.Arrays.fill(f[s], 1 << s);
        return f;
    }

    static long mix(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long p : parts) {
            h ^= p + 0x632BE59BD9B4E019L + (h << 6) + (h >>> 2);
            h = new SplittableRandom(h).nextLong();
        }
        return h;
    }

    public Batch create(int epoch, int step) {
        int[] shape = sampler.patchShape();
        int dims = shape.length;
        int[] ds = new int[scales], hs = new int[scales], ws = new int[scales];
        for (int s = 0; s < scales; s++) {
            ws[s] = shape[0] / factors[s][0];
            hs[s] = shape[1] / factors[s][1];
            ds[s] = dims == 3 ? shape[2] / factors[s][2] : 1;
        }
        int voxels = ds[0] * hs[0] * ws[0];
        float[] images = new float[batchSize * voxels * channels];
        List<int[]> labels = new ArrayList<>();
        List<List<float[]>> mapData = new ArrayList<>();
        for (int s = 0; s < scales; s++) {
            int n = ds[s] * hs[s] * ws[s];
            labels.add(new int[batchSize * n]);
            List<float[]> ms = new ArrayList<>();
            for (int m = 0; m < maps.size(); m++) ms.add(new float[batchSize * n * classes]);
            mapData.add(ms);
        }
        for (int j = 0; j < batchSize; j++) {
            SplittableRandom r = new SplittableRandom(mix(seed, epoch, step, j));
            PatchSampler.Patch patch = sampler.draw(r, j, batchSize);
            System.arraycopy(patch.image(), 0, images, j * voxels * channels, voxels * channels);
            double[] spacing = java.util.Arrays.copyOf(patch.spacing(), dims);
            LabelImage full = new LabelImage(Grid.of(shape, spacing), patch.labels());
            for (int s = 0; s < scales; s++) {
                LabelImage ls = PatchSampler.downsample(full, factors[s]);
                int n = ds[s] * hs[s] * ws[s];
                System.arraycopy(ls.data(), 0, labels.get(s), j * n, n);
                for (int m = 0; m < maps.size(); m++) {
                    ClassMaps z = maps.get(m).compute(ls, classes);
                    if (z.classes() != classes || !z.grid().sameShape(ls.grid())) {
                        throw new IllegalStateException("map " + m + " returned " + z.classes() + " maps on " + z.grid().describeSize()
                                + " for K=" + classes + " labels on " + ls.grid().describeSize());
                    }
                    float[] dst = mapData.get(s).get(m);
                    int base = j * n * classes;
                    for (int k = 0; k < classes; k++) {
                        float[] src = z.data(k);
                        for (int i = 0; i < n; i++) dst[base + i * classes + k] = src[i];
                    }
                }
            }
        }
        return dims == 3 ? new Batch(batchSize, ds, hs, ws, images, labels, mapData) : new Batch(batchSize, hs, ws, images, labels, mapData);
    }
}
