package org.regionwise.tensorflow.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.OptimizerSpec;
import org.regionwise.core.loss.Losses;
import org.regionwise.tensorflow.internal.Batch;
import org.regionwise.tensorflow.internal.ModelGraph;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;

/**
 * Where the time of one U-Net training step goes: runs {@code StepTimeBench}'s step with TensorFlow's full trace and
 * prints the op types by summed node time (microseconds per step, summed over threads, so the total exceeds the
 * wall time when ops overlap). Arguments as {@link StepTimeBench}: size, batch, base, depth, threads, warm-up, traced
 * steps, normalisation.
 */
public final class StepProfileBench {
    public static void main(String[] args) {
        int size = PipelineBench.arg(args, 0, 128), batch = PipelineBench.arg(args, 1, 8), base = PipelineBench.arg(args, 2, 16);
        int depth = PipelineBench.arg(args, 3, 3), threads = PipelineBench.arg(args, 4, 2);
        int warm = PipelineBench.arg(args, 5, 5), traced = PipelineBench.arg(args, 6, 10);
        ModelSpec.Normalization norm = args.length > 7 ? ModelSpec.Normalization.valueOf(args[7].toUpperCase(Locale.ROOT))
                : ModelSpec.Normalization.INSTANCE;
        ModelSpec.UNet spec = new ModelSpec.UNet(2, 1, 3, depth, base, 480, norm,
                ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, false, 1);
        Random r = new Random(1);
        float[] img = new float[batch * size * size];
        int[] lab = new int[batch * size * size];
        for (int i = 0; i < img.length; i++) { img[i] = (float) r.nextGaussian(); lab[i] = r.nextInt(3); }
        Batch b = new Batch(batch, new int[] {size}, new int[] {size}, img, List.of(lab), List.of(List.of()));
        OptimizerSpec opt = new OptimizerSpec(1e-4, 3e-5, false, 0, 12);
        try (ModelGraph g = ModelGraph.forTraining(spec, Losses.crossEntropy(), opt, threads)) {
            g.initialize();
            for (int i = 0; i < warm; i++) g.step(b, 1e-4, new double[0]);
            Map<String, long[]> byType = new HashMap<>();
            long wall = 0;
            for (int i = 0; i < traced; i++) {
                long t0 = System.nanoTime();
                RunMetadata md = g.profileStep(b, 1e-4, new double[0]).metadata();
                wall += (System.nanoTime() - t0) / 1000;
                for (DeviceStepStats d : md.getStepStats().getDevStatsList()) {
                    for (NodeExecStats n : d.getNodeStatsList()) {
                        String label = n.getTimelineLabel();
                        int eq = label.indexOf(" = ");
                        int paren = label.indexOf('(', Math.max(eq, 0));
                        String type = eq >= 0 && paren > eq ? label.substring(eq + 3, paren) : n.getNodeName();
                        if (System.getenv("PROFILE_NODES") != null && i == traced - 1 && n.getAllEndRelMicros() > 500) {
                            System.out.printf(Locale.ROOT, "node %8.2f ms %s%n", n.getAllEndRelMicros() / 1000.0, label);
                        }
                        long[] acc = byType.computeIfAbsent(type, k -> new long[2]);
                        acc[0] += n.getAllEndRelMicros();
                        acc[1]++;
                    }
                }
            }
            long total = byType.values().stream().mapToLong(a -> a[0]).sum();
            System.out.printf(Locale.ROOT, "traced wall %.1f ms/step, summed node time %.1f ms/step%n", wall / 1000.0 / traced, total / 1000.0 / traced);
            final int n = traced;
            byType.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue()[0], x.getValue()[0])).limit(40)
                    .forEach(e -> System.out.printf(Locale.ROOT, "%-40s %8.2f ms %5d nodes%n", e.getKey(), e.getValue()[0] / 1000.0 / n, e.getValue()[1] / n));
        }
    }
}
