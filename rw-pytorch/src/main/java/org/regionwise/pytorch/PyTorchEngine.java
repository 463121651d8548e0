package org.regionwise.pytorch;

import org.regionwise.core.backend.Precision;

import java.nio.file.Path;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.OptimizerSpec;
import org.regionwise.core.backend.TrainingPlan;
import org.regionwise.core.loss.LossSpec;
import org.regionwise.pytorch.internal.TorchLossProbe;
import org.regionwise.pytorch.internal.TorchNetwork;
import org.regionwise.training.spi.Engine;
import org.regionwise.training.spi.LossProbe;
import org.regionwise.training.spi.ModelFiles;
import org.regionwise.training.spi.Network;
import org.regionwise.training.spi.TrainableNetwork;

/**
 * The PyTorch engine: PyTorch 2.7.1 (CPU, linux-x86_64) through DJL 0.36, offline. The same 2D U-Net, losses and
 * Adam recipe as the TensorFlow engine, from the same seeded initial weights (see the module README for what is and
 * is not bit-identical). Saved state: {@code model.properties} and {@code parameters.bin} (weights, Adam moments and
 * step, batch-norm statistics; a documented big-endian layout with a CRC-32); export: the same without the
 * optimiser state, loadable by {@link #load} without training code.
 */
public final class PyTorchEngine implements Engine {
    private final Precision precision;

    /** The engine in float32. */
    public PyTorchEngine() { this(Precision.FP32); }

    /**
     * The engine asked for {@code precision}: only float32 is implemented, so bf16 is refused by {@link #validate}
     * and {@link #load} with a message that names the TensorFlow engine.
     *
     * @param precision the requested arithmetic
     */
    public PyTorchEngine(Precision precision) { this.precision = java.util.Objects.requireNonNull(precision, "precision"); }

    private void requireFp32() {
        if (precision != Precision.FP32) {
            throw new IllegalArgumentException("the PyTorch engine runs in fp32 only; bf16 (" + precision.key()
                    + ") is implemented in the TensorFlow engine (--backend tensorflow)");
        }
    }

    @Override public String name() { return TorchNetwork.ENGINE; }

    @Override public String displayName() { return "PyTorch"; }

    /** Accepts 2D and 3D U-Nets in fp32. */
    @Override
    public void validate(TrainingPlan plan) {
        requireFp32();
    }

    @Override
    public TrainableNetwork createForTraining(ModelSpec.UNet spec, LossSpec loss, OptimizerSpec optimizer, int threads) {
        requireFp32();
        return TorchNetwork.forTraining(spec, loss, optimizer, threads);
    }

    @Override
    public Network load(Path directory) {
        requireFp32();
        ModelSpec.UNet spec = ModelFiles.read(directory, name());
        TorchNetwork n = TorchNetwork.forInference(spec, 0);
        try {
            n.restore(directory);
        } catch (RuntimeException e) {
            n.close();
            throw e;
        }
        return n;
    }

    @Override public LossProbe lossProbe() { return new TorchLossProbe(); }
}
