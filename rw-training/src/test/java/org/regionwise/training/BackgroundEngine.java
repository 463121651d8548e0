package org.regionwise.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.OptimizerSpec;
import org.regionwise.core.loss.LossSpec;
import org.regionwise.training.spi.Batch;
import org.regionwise.training.spi.Engine;
import org.regionwise.training.spi.LossProbe;
import org.regionwise.training.spi.ModelFiles;
import org.regionwise.training.spi.Network;
import org.regionwise.training.spi.OutputScales;
import org.regionwise.training.spi.StepResult;
import org.regionwise.training.spi.TrainableNetwork;

/** A test engine whose network is forced to predict background everywhere ({@code p_0 = 0.999}); steps do nothing. */
final class BackgroundEngine implements Engine {
    @Override public String name() { return "background"; }
    @Override public String displayName() { return "Background"; }

    @Override
    public TrainableNetwork createForTraining(ModelSpec.UNet spec, LossSpec loss, OptimizerSpec optimizer, int threads) {
        return new Net(spec);
    }

    @Override public Network load(Path directory) { return new Net(ModelFiles.read(directory, name())); }

    @Override public LossProbe lossProbe() { throw new UnsupportedOperationException("no loss lowering"); }

    static final class Net implements TrainableNetwork {
        private final ModelSpec.UNet spec;
        Net(ModelSpec.UNet spec) { this.spec = spec; }
        @Override public ModelSpec.UNet spec() { return spec; }
        @Override public int scales() { return OutputScales.of(spec); }
        @Override public void initialize() {}
        @Override public StepResult step(Batch batch, double learningRate, double[] alphas) { return new StepResult(1, 0); }
        @Override public double evaluateLoss(Batch batch, double[] alphas) { return 1; }
        @Override public void restore(Path directory) {}
        @Override public float[] predict(float[] images, int n, int h, int w) {
            int k = spec.classes();
            float[] p = new float[n * h * w * k];
            for (int i = 0; i < n * h * w; i++) {
                p[i * k] = 0.999f;
                for (int c = 1; c < k; c++) p[i * k + c] = 0.001f / (k - 1);
            }
            return p;
        }
        @Override public void save(Path directory) {
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ModelFiles.write(spec, directory, "background");
        }
        @Override public void export(Path directory) { save(directory); }
        @Override public List<float[]> weights() { return List.of(); }
        @Override public void close() {}
    }
}
