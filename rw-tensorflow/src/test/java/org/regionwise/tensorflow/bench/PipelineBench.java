package org.regionwise.tensorflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.regionwise.core.backend.EpochReport;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.OptimizerSpec;
import org.regionwise.core.backend.TrainingListener;
import org.regionwise.core.backend.TrainingPlan;
import org.regionwise.core.loss.LossSpec;
import org.regionwise.core.loss.Losses;
import org.regionwise.tensorflow.TensorFlowEngine;
import org.regionwise.training.PipelineOptions;
import org.regionwise.training.Trainer;

/**
 * Epoch time with the RRW loss (maps computed per augmented patch and per deep-supervision scale by the pipeline
 * workers) versus CE on the same data and network. Goal: RRW / CE &lt;= 1.05. Runs CE and RRW alternately
 * {@code rounds} times and reports the median epoch time (first epoch of each run excluded as warm-up) and the time the
 * training thread spent waiting for batches.
 *
 * <p>Arguments (all optional): patch, batch, base filters, depth, iterations per epoch, epochs, rounds, workers,
 * dimensions (2, or 3: a 3D U-Net on cubic patches of six 96³ sphere phantoms, K = 3, RRW maps computed in 3D).
 */
public final class PipelineBench {
    public static void main(String[] args) {
        int patch = arg(args, 0, 128), batch = arg(args, 1, 8), base = arg(args, 2, 16), depth = arg(args, 3, 4);
        int iters = arg(args, 4, 15), epochs = arg(args, 5, 3), rounds = arg(args, 6, 2);
        int workers = arg(args, 7, Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        int dims = arg(args, 8, 2);
        org.regionwise.core.backend.TrainingData data = dims == 3
                ? org.regionwise.training.conformance.SyntheticData.volumes(6, 96, 3, 7, 1, 1, 1) : new BenchData(12, 256, 4, 7);
        ModelSpec.UNet spec = new ModelSpec.UNet(dims, 1, dims == 3 ? 3 : 4, depth, base, 480, ModelSpec.Normalization.INSTANCE,
                ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, true, 1);
        System.out.printf(Locale.ROOT, "PipelineBench: %dD, patch %d, batch %d, base %d, depth %d (deep supervision), %d it/epoch, %d epochs, "
                + "%d workers, %d cores%n", dims, patch, batch, base, depth, iters, epochs, workers, Runtime.getRuntime().availableProcessors());
        for (LossSpec loss : List.of(Losses.crossEntropy(), Losses.rectifiedRegionWise())) {
            TrainingPlan plan = new TrainingPlan(spec, loss, OptimizerSpec.paper(), epochs, iters, batch, patch, 1000, 3, 0, null);
            System.out.printf(Locale.ROOT, "batch building on one thread (patches, augmentation, labels and maps at every scale): %-4s %.1f ms/batch%n",
                    loss.id(), org.regionwise.training.internal.BatchCost.millisPerBatch(plan, data, 20));
        }
        if (rounds == 0) return;
        List<Double> ce = new ArrayList<>(), rrw = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (LossSpec loss : List.of(Losses.crossEntropy(), Losses.rectifiedRegionWise())) {
                TrainingPlan plan = new TrainingPlan(spec, loss, OptimizerSpec.paper(), epochs, iters, batch, patch, 1000, 3, 0, null);
                Trainer.Outcome o = Trainer.run(new TensorFlowEngine(), plan, data, TrainingListener.none(), false, new PipelineOptions(workers, 2 * workers + 2));
                o.network().close();
                List<Double> times = new ArrayList<>();
                for (EpochReport r : o.history()) if (r.epoch() > 0) times.add(r.seconds());
                (loss instanceof LossSpec.CrossEntropy ? ce : rrw).addAll(times);
                System.out.printf(Locale.ROOT, "round %d %-4s epoch seconds %s, batch wait total %.3f s%n", round, loss.id(), times,
                        o.batchWaitNanos() / 1e9);
            }
        }
        double mCe = median(ce), mRrw = median(rrw);
        System.out.printf(Locale.ROOT, "median epoch: CE %.3f s, RRW %.3f s, ratio RRW/CE %.3f (goal <= 1.05)%n", mCe, mRrw, mRrw / mCe);
    }

    static int arg(String[] a, int i, int def) { return a.length > i ? Integer.parseInt(a[i]) : def; }

    static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
