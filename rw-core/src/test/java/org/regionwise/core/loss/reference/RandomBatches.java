package org.regionwise.core.loss.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.regionwise.core.loss.LossSpec;

/** Seeded random loss batches for tests. */
final class RandomBatches {
    private RandomBatches() {}

    /**
     * Random logits in [-3, 3], labels from {@code [0, labelClasses)} (use fewer than K to leave classes absent),
     * and random maps in [-1, 1] for every map {@code spec} needs.
     */
    static LossBatch random(LossSpec spec, long seed, int batch, int voxels, int classes, int labelClasses, int epoch) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] logits = new double[batch * voxels * classes];
        for (int j = 0; j < logits.length; j++) logits[j] = r.nextDouble(-3, 3);
        int[] labels = new int[batch * voxels];
        for (int j = 0; j < labels.length; j++) labels[j] = r.nextInt(labelClasses);
        List<double[]> maps = new ArrayList<>();
        for (int m = 0; m < spec.maps().size(); m++) {
            double[] z = new double[logits.length];
            for (int j = 0; j < z.length; j++) z[j] = r.nextDouble(-1, 1);
            maps.add(z);
        }
        return new LossBatch(batch, voxels, classes, logits, labels, maps, epoch);
    }

    /** The same batch with {@code logits[j]} replaced. */
    static LossBatch withLogit(LossBatch b, int j, double value) {
        double[] s = b.logits().clone();
        s[j] = value;
        return new LossBatch(b.batch(), b.voxels(), b.classes(), s, b.labels(), b.maps(), b.epoch());
    }
}
