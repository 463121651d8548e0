package org.regionwise.training;

import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.TrainingData;
import org.regionwise.core.backend.TrainingPlan;
import org.regionwise.training.internal.BatchFactory;
import org.regionwise.training.spi.Batch;
import org.regionwise.training.spi.Engine;
import org.regionwise.training.spi.GradualAlphas;
import org.regionwise.training.spi.TrainableNetwork;

/**
 * Measures the wall time of one optimiser step of a plan on this machine: the plan's network, freshly initialised,
 * trained on real batches of the data (patches, augmentation and maps built beforehand, so only the engine's step is
 * timed), {@code warmUp} steps discarded, then the median of {@code timed} steps. The network is thrown away.
 */
public final class StepTimer {
    private StepTimer() {}

    /**
     * The median seconds of one optimiser step of {@code plan} on {@code data}, after {@code warmUp} untimed steps.
     *
     * @param engine the engine
     * @param plan the plan
     * @param data the data
     * @param warmUp the untimed steps
     * @param timed the timed steps
     * @return seconds per step
     */
    public static double secondsPerStep(Engine engine, TrainingPlan plan, TrainingData data, int warmUp, int timed) {
        Trainer.validate(engine, plan);
        ModelSpec.UNet spec = (ModelSpec.UNet) plan.model();
        try (TrainableNetwork n = engine.createForTraining(spec, plan.loss(), plan.optimizer(), plan.threads())) {
            n.initialize();
            BatchFactory f = BatchFactory.forPlan(plan, data.training(), n.scales(), true);
            double[] alphas = GradualAlphas.at(plan.loss(), 0);
            double lr = plan.optimizer().learningRateAt(0, plan.epochs());
            double[] t = new double[timed];
            for (int i = 0; i < warmUp + timed; i++) {
                Batch b = f.create(0, i);
                long t0 = System.nanoTime();
                n.step(b, lr, alphas);
                if (i >= warmUp) t[i - warmUp] = (System.nanoTime() - t0) / 1e9;
            }
            java.util.Arrays.sort(t);
            return t[timed / 2];
        }
    }
}
