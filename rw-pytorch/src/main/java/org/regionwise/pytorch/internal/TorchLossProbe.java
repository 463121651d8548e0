package org.regionwise.pytorch.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import org.regionwise.core.loss.LossSpec;
import org.regionwise.core.loss.reference.LossValue;
import org.regionwise.training.spi.LossProbe;

/** {@link TorchLoss} on fed float64 logits, with PyTorch's autograd for d loss / d logits. */
public final class TorchLossProbe implements LossProbe {

    @Override
    public LossValue evaluate(LossSpec spec, int b, int h, int w, int k, double[] logits, int[] labels, List<double[]> maps,
                              double[] alphas) {
        try (NDManager m = NDManager.newBaseManager(Djl.engine().defaultDevice(), Djl.engine().getEngineName())) {
            NDArray s = m.create(logits, new Shape((long) b * h * w, k));
            s.setRequiresGradient(true);
            NDArray y = TorchLoss.oneHot(m, labels, k);
            List<NDArray> z = new ArrayList<>();
            for (double[] map : maps) z.add(m.create(map, new Shape((long) b * h * w, k)));
            double value;
            try (GradientCollector gc = Djl.engine().newGradientCollector()) {
                gc.zeroGradients();
                NDArray l = new TorchLoss(k, b).build(spec, new TorchLoss.Inputs(s, y, z, alphas));
                value = l.getDouble();
                gc.backward(l);
            }
            return new LossValue(value, s.getGradient().toDoubleArray());
        }
    }
}
