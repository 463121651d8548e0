package org.regionwise.training.internal;

import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.TrainingData;
import org.regionwise.core.backend.TrainingPlan;

/** Measures the single-thread CPU cost of building training batches (patches, augmentation, maps; 2D or 3D) for a plan. */
public final class BatchCost {
    private BatchCost() {}

    /** Mean wall time in ms of building {@code n} batches of {@code plan} on the calling thread, after {@code n} warm-up batches (JIT). */
    public static double millisPerBatch(TrainingPlan plan, TrainingData data, int n) {
        ModelSpec.UNet spec = (ModelSpec.UNet) plan.model();
        BatchFactory f = BatchFactory.forPlan(plan, data.training(), org.regionwise.training.spi.OutputScales.of(spec), true);
        for (int i = 0; i < n; i++) f.create(0, i);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) f.create(1, i);
        return (System.nanoTime() - t0) / 1e6 / n;
    }
}
