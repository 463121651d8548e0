package org.regionwise.tensorflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.regionwise.core.backend.EpochReport;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.OptimizerSpec;
import org.regionwise.core.backend.TrainingListener;
import org.regionwise.core.backend.TrainingPlan;
import org.regionwise.core.loss.Losses;

/**
 * Native-memory soak test: 2000 training steps (RRW + deep supervision, checkpoints every epoch, validation every 5)
 * on a small network, printing the process RSS ({@code /proc/self/status} VmRSS) every 100 steps and the growth from
 * step {@code warmup} to the end. Goal: growth &lt;= 5 %. Run it with a fixed heap ({@code -Xms256m -Xmx256m}) so that
 * the JVM growing its heap is not mistaken for native growth; the RSS minus committed heap column isolates the native
 * side anyway. Arguments (optional): steps, warm-up step, patch, base, backend name (default tensorflow; any backend
 * discovered on the class path, e.g. pytorch with rw-pytorch's test class path, see rw-pytorch/bench/soak.sh).
 */
public final class SoakBench {
    public static void main(String[] args) throws Exception {
        int steps = PipelineBench.arg(args, 0, 2000), warmup = PipelineBench.arg(args, 1, 300);
        int patch = PipelineBench.arg(args, 2, 64), base = PipelineBench.arg(args, 3, 8);
        int perEpoch = 100;
        BenchData data = new BenchData(8, 128, 3, 11);
        ModelSpec.UNet spec = new ModelSpec.UNet(2, 1, 3, 3, base, 64, ModelSpec.Normalization.INSTANCE,
                ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, true, 1);
        Path out = Files.createTempDirectory("rw-soak");
        TrainingPlan plan = new TrainingPlan(spec, Losses.rectifiedRegionWise(), OptimizerSpec.paper(), steps / perEpoch, perEpoch,
                4, patch, 5, 1, 0, out);
        double[] atWarmup = {Double.NaN};
        double[] peak = {0};
        long t0 = System.nanoTime();
        System.out.printf(Locale.ROOT, "SoakBench: %d steps, patch %d, base %d, depth 3, batch 4, RRW, checkpoints in %s%n", steps, patch, base, out);
        System.out.printf(Locale.ROOT, "step 0 RSS %.1f MiB (before graph)%n", BenchData.rssMiB());
        TrainingListener l = new TrainingListener() {
            @Override public void onStep(int epoch, int step, int stepsPerEpoch, double loss) {
                int g = epoch * stepsPerEpoch + step + 1;
                if (g % 100 == 0 || g == warmup) {
                    double rss = BenchData.rssMiB();
                    peak[0] = Math.max(peak[0], rss);
                    if (g == warmup) atWarmup[0] = rss;
                    Runtime rt = Runtime.getRuntime();
                    double committed = rt.totalMemory() / 1048576.0;
                    System.out.printf(Locale.ROOT, "step %5d RSS %7.1f MiB heap used %6.1f committed %6.1f MiB, RSS - committed heap %7.1f MiB, loss %.4f (%.1f s)%n",
                            g, rss, (rt.totalMemory() - rt.freeMemory()) / 1048576.0, committed, rss - committed, loss, (System.nanoTime() - t0) / 1e9);
                }
            }
            @Override public void onEpoch(EpochReport r) {}
        };
        String backend = args.length > 4 ? args[4] : "tensorflow";
        System.out.printf(Locale.ROOT, "backend %s%n", backend);
        try (var m = org.regionwise.core.experiment.Experiments.discover(org.regionwise.core.config.RegionWiseConfiguration.defaults())
                .backend(backend).train(plan, data, l)) {
            double end = BenchData.rssMiB();
            System.out.printf(Locale.ROOT, "RSS at step %d: %.1f MiB, at end: %.1f MiB, growth %.2f %% (goal <= 5 %%), peak %.1f MiB%n",
                    warmup, atWarmup[0], end, 100 * (end - atWarmup[0]) / atWarmup[0], peak[0]);
        }
    }
}
