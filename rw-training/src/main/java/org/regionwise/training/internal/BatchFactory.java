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
 * Builds the batch of optimiser step {@code (epoch, step)}: patches, augmentation, labels at every deep-supervision
 * scale and the loss's maps recomputed at every scale from that scale's labels (as the RW paper's nnU-Net training).
 * The result depends only on {@code (seed, epoch, step)}: patch {@code j} draws from its own
 * {@code SplittableRandom} seeded from {@code (seed, epoch, step, j)}, so any thread may build any batch.
 */
public final class BatchFactory {
    private final PatchSampler sampler;
    private final List<RegionWiseMap> maps;
    private final int batchSize, classes, scales, channels;
    private final long seed;

    public BatchFactory(PatchSampler sampler, List<MapSpec> mapSpecs, int batchSize, int classes, int scales, long seed) {
        this.sampler = sampler;
        List<RegionWiseMap> m = new ArrayList<>();
        for (MapSpec s : mapSpecs) m.add(MapFactory.create(s));
        this.maps = List.copyOf(m);
        this.batchSize = batchSize;
        this.classes = classes;
        this.scales = scales;
        this.channels = sampler.channels();
        this.seed = seed;
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
        int p = sampler.patchSize();
        int[] hs = new int[scales], ws = new int[scales];
        for (int s = 0; s < scales; s++) { hs[s] = p >> s; ws[s] = p >> s; }
        float[] images = new float[batchSize * p * p * channels];
        List<int[]> labels = new ArrayList<>();
        List<List<float[]>> mapData = new ArrayList<>();
        for (int s = 0; s < scales; s++) {
            labels.add(new int[batchSize * hs[s] * ws[s]]);
            List<float[]> ms = new ArrayList<>();
            for (int m = 0; m < maps.size(); m++) ms.add(new float[batchSize * hs[s] * ws[s] * classes]);
            mapData.add(ms);
        }
        for (int j = 0; j < batchSize; j++) {
            SplittableRandom r = new SplittableRandom(mix(seed, epoch, step, j));
            PatchSampler.Patch patch = sampler.draw(r, j, batchSize);
            System.arraycopy(patch.image(), 0, images, j * p * p * channels, p * p * channels);
            LabelImage full = new LabelImage(Grid.of(new int[] {p, p}, patch.spacing()), patch.labels());
            for (int s = 0; s < scales; s++) {
                LabelImage ls = PatchSampler.downsample(full, s);
                int n = hs[s] * ws[s];
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
        return new Batch(batchSize, hs, ws, images, labels, mapData);
    }
}
