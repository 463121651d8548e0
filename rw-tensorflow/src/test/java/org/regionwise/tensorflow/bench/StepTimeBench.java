package org.regionwise.tensorflow.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.OptimizerSpec;
import org.regionwise.core.loss.Losses;
import org.regionwise.tensorflow.internal.Batch;
import org.regionwise.tensorflow.internal.ModelGraph;

/**
 * Time of one training step (forward, CE loss, backward, Adam) of our U-Net on a fixed random batch, for
 * {@code bench/unet-vs-torch.sh}. Arguments: size, batch, base, depth, threads, warm-up steps, timed steps, normalisation (instance|none|batch).
 * Prints {@code params=N} and {@code median_ms=X}.
 */
public final class StepTimeBench {
    public static void main(String[] args) {
        int size = PipelineBench.arg(args, 0, 128), batch = PipelineBench.arg(args, 1, 8), base = PipelineBench.arg(args, 2, 16);
        int depth = PipelineBench.arg(args, 3, 3), threads = PipelineBench.arg(args, 4, 2);
        int warm = PipelineBench.arg(args, 5, 5), timed = PipelineBench.arg(args, 6, 20);
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
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < warm + timed; i++) {
                long t0 = System.nanoTime();
                g.step(b, 1e-4, new double[0]);
                if (i >= warm) ms.add((System.nanoTime() - t0) / 1e6);
            }
            double[] s = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "params=%d%nmedian_ms=%.2f%nall_ms=%s%n", g.variables().parameterCount(),
                    s[s.length / 2], Arrays.toString(ms.stream().mapToLong(Math::round).toArray()));
        }
    }
}
