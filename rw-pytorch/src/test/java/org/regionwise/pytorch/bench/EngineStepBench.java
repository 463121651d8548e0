package org.regionwise.pytorch.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.OptimizerSpec;
import org.regionwise.core.loss.Losses;
import org.regionwise.pytorch.PyTorchEngine;
import org.regionwise.tensorflow.TensorFlowEngine;
import org.regionwise.training.spi.Batch;
import org.regionwise.training.spi.Engine;
import org.regionwise.training.spi.TrainableNetwork;

/**
 * Time of one training step (forward, CE, backward, clip 12, Adam lr 1e-4 with L2 3e-5) of the same U-Net in either
 * engine, on the fixed random batch of rw-tensorflow's {@code StepTimeBench} (3 classes, seed 1, no deep
 * supervision), for {@code bench/engines-vs-torch.sh}. Arguments: engine (tensorflow|pytorch), size, batch, base,
 * depth, threads, warm-up steps, timed steps, normalisation (instance|none|batch), and optionally the dimensions
 * (2 or 3: a 3D U-Net on {@code size³} patches). Prints {@code params=} and {@code median_ms=}.
 */
public final class EngineStepBench {
    public static void main(String[] a) {
        Engine engine = a[0].equals("pytorch") ? new PyTorchEngine() : new TensorFlowEngine();
        int size = Integer.parseInt(a[1]), batch = Integer.parseInt(a[2]), base = Integer.parseInt(a[3]), depth = Integer.parseInt(a[4]);
        int threads = Integer.parseInt(a[5]), warm = Integer.parseInt(a[6]), steps = Integer.parseInt(a[7]);
        ModelSpec.Normalization norm = ModelSpec.Normalization.valueOf(a[8].toUpperCase(Locale.ROOT));
        int dims = a.length > 9 ? Integer.parseInt(a[9]) : 2;
        ModelSpec.UNet spec = new ModelSpec.UNet(dims, 1, 3, depth, base, 480, norm, ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, false, 1);
        Random r = new Random(1);
        int voxels = dims == 3 ? size * size * size : size * size;
        float[] img = new float[batch * voxels];
        int[] lab = new int[batch * voxels];
        for (int i = 0; i < img.length; i++) { img[i] = (float) r.nextGaussian(); lab[i] = r.nextInt(3); }
        Batch b = dims == 3
                ? new Batch(batch, new int[] {size}, new int[] {size}, new int[] {size}, img, List.of(lab), List.of(List.of()))
                : new Batch(batch, new int[] {size}, new int[] {size}, img, List.of(lab), List.of(List.of()));
        try (TrainableNetwork n = engine.createForTraining(spec, Losses.crossEntropy(), new OptimizerSpec(1e-4, 3e-5, false, 0, 12), threads)) {
            n.initialize();
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < warm + steps; i++) {
                long t0 = System.nanoTime();
                n.step(b, 1e-4, new double[0]);
                if (i >= warm) ms.add((System.nanoTime() - t0) / 1e6);
            }
            double[] s = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "params=%d%nmedian_ms=%.2f%nall_ms=%s%n", n.parameterCount(), s[s.length / 2],
                    Arrays.toString(ms.stream().mapToLong(Math::round).toArray()));
        }
    }
}
