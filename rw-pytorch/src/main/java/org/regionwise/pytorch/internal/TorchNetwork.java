package org.regionwise.pytorch.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.OptimizerSpec;
import org.regionwise.core.loss.LossSpec;
import org.regionwise.training.spi.Batch;
import org.regionwise.training.spi.ModelFiles;
import org.regionwise.training.spi.OutputScales;
import org.regionwise.training.spi.StepResult;
import org.regionwise.training.spi.TrainableNetwork;

/**
 * One U-Net held by PyTorch through DJL: the parameters in a network-wide {@link NDManager}, every step's arrays in
 * an {@link NDScope} closed at the end of the step (native memory stays flat), the loss at every output scale
 * weighted by deep supervision ({@code w_s ~ 2^-s}, lowest decoder scale dropped, as the TensorFlow engine), autograd,
 * then global-norm clipping, weight decay and Adam written out in Java-driven NDArray ops:
 * {@code g *= min(1, clip / (||g|| + 1e-6))}; coupled L2 {@code g += wd w} or decoupled {@code w -= lr wd w};
 * {@code m = 0.9 m + 0.1 g}, {@code v = 0.999 v + 0.001 g^2},
 * {@code w -= lr sqrt(1 - 0.999^t) / (1 - 0.9^t) m / (sqrt(v) + 1e-8)} (TensorFlow's {@code ApplyAdam}). Not
 * thread-safe.
 */
public final class TorchNetwork implements TrainableNetwork {
    public static final String ENGINE = "pytorch";
    private static final double BETA1 = 0.9, BETA2 = 0.999, EPS = 1e-8;

    private final ModelSpec.UNet spec;
    private final @Nullable LossSpec loss;
    private final @Nullable OptimizerSpec optimizer;
    private final NDManager manager;
    private final Parameters parameters;
    private final TorchUNet unet;
    private final double[] scaleWeights;
    private final Map<String, NDArray[]> adam = new LinkedHashMap<>();
    private long step;
    private boolean closed;

    private TorchNetwork(ModelSpec.UNet spec, @Nullable LossSpec loss, @Nullable OptimizerSpec optimizer, int threads) {
        Djl.threads(threads);
        this.spec = spec;
        this.loss = loss;
        this.optimizer = optimizer;
        this.manager = NDManager.newBaseManager(Djl.engine().defaultDevice(), Djl.engine().getEngineName());
        try {
            this.parameters = new Parameters(manager, spec.seed());
            this.unet = new TorchUNet(spec, parameters);
            unet.createVariables(manager);
            this.scaleWeights = OutputScales.weights(spec);
            if (optimizer != null) {
                for (Parameters.Entry e : parameters.trainable()) {
                    adam.put(e.name(), new NDArray[] {manager.zeros(e.value().getShape()), manager.zeros(e.value().getShape())});
                }
            }
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    public static TorchNetwork forTraining(ModelSpec.UNet spec, LossSpec loss, OptimizerSpec optimizer, int threads) {
        return new TorchNetwork(spec, loss, optimizer, threads);
    }

    public static TorchNetwork forInference(ModelSpec.UNet spec, int threads) {
        return new TorchNetwork(spec, null, null, threads);
    }

    @Override public ModelSpec.UNet spec() { return spec; }

    @Override public int scales() { return scaleWeights.length; }

    /** Variables are created with their seeded initial values; this resets them, the optimiser state and the step. */
    @Override
    public void initialize() {
        requireOpen();
        parameters.reset();
        for (NDArray[] mv : adam.values()) {
            mv[0].set(java.nio.FloatBuffer.wrap(new float[(int) mv[0].size()]));
            mv[1].set(java.nio.FloatBuffer.wrap(new float[(int) mv[1].size()]));
        }
        step = 0;
    }

    @Override
    public StepResult step(Batch batch, double learningRate, double[] alphas) {
        requireOpen();
        if (loss == null || optimizer == null) throw new IllegalStateException("this network was built for inference only");
        requireScales(batch);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            double value;
            try (GradientCollector gc = Djl.engine().newGradientCollector()) {
                gc.zeroGradients();
                NDArray total = totalLoss(batch, alphas, true);
                value = total.getDouble();
                gc.backward(total);
            }
            List<Parameters.Entry> vars = parameters.trainable();
            List<NDArray> grads = new ArrayList<>();
            double sumSq = 0;
            for (Parameters.Entry e : vars) {
                NDArray g = e.value().getGradient();
                grads.add(g);
                sumSq += g.square().sum().getFloat();
            }
            double norm = Math.sqrt(sumSq);
            double coef = optimizer.clipNorm() > 0 ? Math.min(1, optimizer.clipNorm() / (norm + 1e-6)) : 1;
            double wd = optimizer.weightDecay();
            long t = step + 1;
            double lrT = learningRate * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
            for (int i = 0; i < vars.size(); i++) {
                NDArray w = vars.get(i).value();
                NDArray g = grads.get(i).mul((float) coef);
                if (wd > 0 && !optimizer.decoupledWeightDecay()) g = g.add(w.mul((float) wd));
                else if (wd > 0) w.subi(w.mul((float) (learningRate * wd)));
                NDArray[] mv = adam.get(vars.get(i).name());
                mv[0].muli((float) BETA1).addi(g.mul((float) (1 - BETA1)));
                mv[1].muli((float) BETA2).addi(g.square().mul((float) (1 - BETA2)));
                w.subi(mv[0].mul((float) lrT).div(mv[1].sqrt().add((float) EPS)));
            }
            for (TorchUNet.MovingUpdate u : unet.takeUpdates()) {
                u.moving().muli(1 - TorchUNet.BN_MOMENTUM).addi(u.batch().mul(TorchUNet.BN_MOMENTUM));
            }
            step = t;
            return new StepResult(value, norm);
        }
    }

    @Override
    public double evaluateLoss(Batch batch, double[] alphas) {
        requireOpen();
        if (loss == null) throw new IllegalStateException("this network was built for inference only");
        requireScales(batch);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            double v = totalLoss(batch, alphas, spec.normalization() != ModelSpec.Normalization.BATCH).getDouble();
            unet.takeUpdates();
            return v;
        }
    }

    private void requireScales(Batch batch) {
        if (batch.scales() != scaleWeights.length) {
            throw new IllegalArgumentException("batch has " + batch.scales() + " scales, the network trains " + scaleWeights.length);
        }
    }

    /** {@code sum_s w_s L(logits_s, labels_s, maps_s)} in float64. */
    private NDArray totalLoss(Batch batch, double[] alphas, boolean training) {
        int k = spec.classes(), b = batch.size();
        NDArray x = channelsFirst(batch.images(), b, batch.depth(0), batch.height(0), batch.width(0));
        List<NDArray> logits = unet.forward(x, training);
        TorchLoss lowering = new TorchLoss(k, b);
        NDArray total = null;
        for (int s = 0; s < scaleWeights.length; s++) {
            NDArray flat = TorchLoss.toFloat64(channelsLast(logits.get(s)).reshape(-1, k));
            NDArray y = TorchLoss.oneHot(manager, batch.labels(s), k);
            List<NDArray> maps = new ArrayList<>();
            for (int m = 0; m < loss.maps().size(); m++) {
                maps.add(manager.create(batch.map(s, m), new Shape((long) batch.map(s, m).length / k, k)).toType(DataType.FLOAT64, false));
            }
            NDArray l = lowering.build(loss, new TorchLoss.Inputs(flat, y, maps, alphas)).mul(scaleWeights[s]);
            total = total == null ? l : total.add(l);
        }
        return total;
    }

    /** {@code [n, (d,) h, w, C]} channels-last floats as a channels-first array ({@code d} ignored in 2D). */
    private NDArray channelsFirst(float[] images, int n, int d, int h, int w) {
        if (spec.dimensions() == 3) {
            return manager.create(images, new Shape(n, d, h, w, spec.inputChannels())).transpose(0, 4, 1, 2, 3);
        }
        return manager.create(images, new Shape(n, h, w, spec.inputChannels())).transpose(0, 3, 1, 2);
    }

    /** A channels-first array as channels last. */
    private static NDArray channelsLast(NDArray a) {
        return a.getShape().dimension() == 5 ? a.transpose(0, 2, 3, 4, 1) : a.transpose(0, 2, 3, 1);
    }

    @Override
    public float[] predict(float[] images, int n, int h, int w) {
        org.regionwise.training.spi.InputSizes.requirePredictable(spec, false, 1, h, w);
        return forward(images, n, 1, h, w);
    }

    @Override
    public float[] predict(float[] images, int n, int d, int h, int w) {
        org.regionwise.training.spi.InputSizes.requirePredictable(spec, true, d, h, w);
        return forward(images, n, d, h, w);
    }

    private float[] forward(float[] images, int n, int d, int h, int w) {
        requireOpen();
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray x = channelsFirst(images, n, d, h, w);
            NDArray logits = unet.forward(x, false).get(0);
            unet.takeUpdates();
            return channelsLast(logits.softmax(1)).toFloatArray();
        }
    }

    /** {@code model.properties} and {@code parameters.bin} with every variable, the Adam moments and the step. */
    @Override
    public void save(Path directory) {
        write(directory, true);
    }

    /** {@code model.properties} and {@code parameters.bin} with the network's variables only: loads for inference. */
    @Override
    public void export(Path directory) {
        write(directory, false);
    }

    private void write(Path directory, boolean withOptimizer) {
        requireOpen();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
        Map<String, StateFile.Array> out = new LinkedHashMap<>();
        for (Parameters.Entry e : parameters.all()) out.put(e.name(), new StateFile.Array(e.canonical(), Parameters.canonicalValues(e)));
        if (withOptimizer && !adam.isEmpty()) {
            for (Parameters.Entry e : parameters.trainable()) {
                NDArray[] mv = adam.get(e.name());
                out.put(e.name() + "_adam_m", new StateFile.Array(e.canonical(), canonical(e, mv[0])));
                out.put(e.name() + "_adam_v", new StateFile.Array(e.canonical(), canonical(e, mv[1])));
            }
            out.put("adam_step", new StateFile.Array(new long[0], new float[] {step}));
        }
        StateFile.write(directory.resolve(StateFile.NAME), out);
        ModelFiles.write(spec, directory, ENGINE);
    }

    private static float[] canonical(Parameters.Entry e, NDArray a) {
        float[] t = a.toFloatArray();
        return e.kernel() ? Parameters.fromTorch(t, e.canonical()) : t;
    }

    /** Restores what {@link #save} wrote; the optimiser state too when this network trains. */
    @Override
    public void restore(Path directory) {
        requireOpen();
        Map<String, StateFile.Array> in = StateFile.read(directory.resolve(StateFile.NAME));
        for (Parameters.Entry e : parameters.all()) {
            StateFile.Array a = in.get(e.name());
            if (a == null) throw new IllegalArgumentException(directory.resolve(StateFile.NAME) + " has no variable " + e.name());
            if (!java.util.Arrays.equals(a.shape(), e.canonical())) {
                throw new IllegalArgumentException(directory.resolve(StateFile.NAME) + ": variable " + e.name() + " has shape "
                        + java.util.Arrays.toString(a.shape()) + ", the network " + java.util.Arrays.toString(e.canonical()));
            }
            Parameters.setCanonical(e, a.values());
        }
        if (!adam.isEmpty()) {
            StateFile.Array s = in.get("adam_step");
            if (s == null) throw new IllegalArgumentException(directory.resolve(StateFile.NAME) + " holds no optimiser state (an export?)");
            for (Parameters.Entry e : parameters.trainable()) {
                NDArray[] mv = adam.get(e.name());
                float[] m = in.get(e.name() + "_adam_m").values(), v = in.get(e.name() + "_adam_v").values();
                mv[0].set(java.nio.FloatBuffer.wrap(e.kernel() ? Parameters.toTorch(m, e.canonical()) : m));
                mv[1].set(java.nio.FloatBuffer.wrap(e.kernel() ? Parameters.toTorch(v, e.canonical()) : v));
            }
            step = (long) s.values()[0];
        }
    }

    /** Trainable variables in the TensorFlow engine's order and canonical layout. */
    @Override
    public List<float[]> weights() {
        requireOpen();
        List<float[]> out = new ArrayList<>();
        for (Parameters.Entry e : parameters.trainable()) out.add(Parameters.canonicalValues(e));
        return out;
    }

    private void requireOpen() {
        if (closed) throw new IllegalStateException("this model is closed");
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        manager.close();
    }
}
