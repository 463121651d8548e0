package org.regionwise.tensorflow.bench;

import org.regionwise.core.backend.Precision;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.OptimizerSpec;
import org.regionwise.core.loss.Losses;
import org.regionwise.training.spi.Batch;
import org.regionwise.tensorflow.internal.ModelGraph;

/**
 * The U-Net training step that {@link StepTimeBench} times and {@link StepProfileBench} traces, from their common
 * arguments: size, batch, base filters, depth, threads, warm-up steps, measured steps, normalisation
 * (instance|none|batch), precision (fp32|bf16). A fixed random batch (seed 1) of 3 classes, CE, Adam lr 1e-4 with L2 3e-5 and clipping at 12.
 */
record StepBenchSetup(ModelSpec.UNet spec, Batch batch, OptimizerSpec optimizer, int threads, int warmUp, int steps,
                      Precision precision) {

    static StepBenchSetup fromArgs(String[] args, int defaultSteps) {
        int size = PipelineBench.arg(args, 0, 128), batch = PipelineBench.arg(args, 1, 8), base = PipelineBench.arg(args, 2, 16);
        int depth = PipelineBench.arg(args, 3, 3), threads = PipelineBench.arg(args, 4, 2);
        int warm = PipelineBench.arg(args, 5, 5), steps = PipelineBench.arg(args, 6, defaultSteps);
        ModelSpec.Normalization norm = args.length > 7 ? ModelSpec.Normalization.valueOf(args[7].toUpperCase(Locale.ROOT))
                : ModelSpec.Normalization.INSTANCE;
        ModelSpec.UNet spec = new ModelSpec.UNet(2, 1, 3, depth, base, 480, norm,
                ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, false, 1);
        Random r = new Random(1);
        float[] img = new float[batch * size * size];
        int[] lab = new int[batch * size * size];
        for (int i = 0; i < img.length; i++) { img[i] = (float) r.nextGaussian(); lab[i] = r.nextInt(3); }
        Batch b = new Batch(batch, new int[] {size}, new int[] {size}, img, List.of(lab), List.of(List.of()));
        Precision precision = args.length > 8 ? Precision.parse(args[8]) : Precision.FP32;
        return new StepBenchSetup(spec, b, new OptimizerSpec(1e-4, 3e-5, false, 0, 12), threads, warm, steps, precision);
    }

    /** A graph for this step, initialised. */
    ModelGraph graph() {
        ModelGraph g = ModelGraph.forTraining(spec, Losses.crossEntropy(), optimizer, threads, precision);
        g.initialize();
        return g;
    }

    /** One optimiser step on the batch. */
    void step(ModelGraph g) { g.step(batch, 1e-4, new double[0]); }
}
