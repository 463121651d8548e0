package org.regionwise.tensorflow.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.regionwise.tensorflow.internal.ModelGraph;

/**
 * Time of one training step (forward, CE loss, backward, Adam) of our U-Net on a fixed random batch, for
 * {@code bench/unet-vs-torch.sh}. Arguments: size, batch, base, depth, threads, warm-up steps, timed steps, normalisation (instance|none|batch).
 * Prints {@code params=N} and {@code median_ms=X}.
 */
public final class StepTimeBench {
    public static void main(String[] args) {
        StepBenchSetup setup = StepBenchSetup.fromArgs(args, 20);
        try (ModelGraph g = setup.graph()) {
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < setup.warmUp() + setup.steps(); i++) {
                long t0 = System.nanoTime();
                setup.step(g);
                if (i >= setup.warmUp()) ms.add((System.nanoTime() - t0) / 1e6);
            }
            double[] s = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "params=%d%nmedian_ms=%.2f%nall_ms=%s%n", g.variables().parameterCount(),
                    s[s.length / 2], Arrays.toString(ms.stream().mapToLong(Math::round).toArray()));
        }
    }
}
