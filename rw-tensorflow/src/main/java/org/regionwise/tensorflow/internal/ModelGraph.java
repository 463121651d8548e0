package org.regionwise.tensorflow.internal;

import org.regionwise.core.backend.Precision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.OptimizerSpec;
import org.regionwise.core.loss.LossSpec;
import org.regionwise.training.spi.Batch;
import org.regionwise.training.spi.ModelFiles;
import org.regionwise.training.spi.OutputScales;
import org.regionwise.training.spi.StepResult;
import org.regionwise.training.spi.TrainableNetwork;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

/**
 * One U-Net in one TensorFlow graph and session: the inference path ({@code image -> probs}) and, for training, the
 * loss at every output scale, gradients and the Adam update.
 *
 * <p>Graph names that outside code may rely on (also in the exported SavedModel): placeholder {@code image}
 * ({@code [B, H, W, C]} float32, H and W multiples of {@code 2^depth}), output {@code probs} ({@code [B, H, W, K]}
 * softmax). Training adds {@code labels_s} ({@code [B, H_s, W_s]} int32), {@code map_s_m} ({@code [B, H_s, W_s, K]}
 * float32) per scale {@code s} and map {@code m}, {@code learning_rate}, {@code alpha}, {@code loss} (float64) and the
 * target {@code train}. The total loss is {@code sum_s w_s L(logits_s, labels_s, maps_s)} with deep-supervision weights
 * {@code w_s ~ 2^-s} normalised to sum 1 (nnU-Net, lowest decoder scale dropped; rw-training's {@code OutputScales.weights}).
 */
public final class ModelGraph implements TrainableNetwork {

    /** Training inputs and outputs of the graph. */
    private record TrainingOps(List<Placeholder<TInt32>> labels, List<List<Placeholder<TFloat32>>> maps,
                               Placeholder<TFloat32> learningRate, Placeholder<TFloat64> alpha,
                               Operand<TFloat64> loss, Op train, Operand<TFloat32> gradientNorm) {}

    private final ModelSpec.UNet spec;
    private final Graph graph;
    private final Ops tf;
    private final VariableStore store;
    private final Placeholder<TFloat32> image;
    private final Operand<TFloat32> probs;
    private final @Nullable TrainingOps training;
    private final double[] scaleWeights;
    private final Session session;
    private boolean closed;

    private ModelGraph(ModelSpec.UNet spec, @Nullable LossSpec loss, @Nullable OptimizerSpec optimizer, int threads,
                       Precision precision) {
        this.spec = spec;
        this.graph = new Graph();
        try {
            this.tf = Ops.create(graph);
            this.store = new VariableStore(tf, spec.seed());
            this.image = tf.withName("image").placeholder(TFloat32.class, Placeholder.shape(spec.dimensions() == 3
                    ? Shape.of(-1, -1, -1, -1, spec.inputChannels()) : Shape.of(-1, -1, -1, spec.inputChannels())));
            UNetBuilder unet = new UNetBuilder(tf, store, spec, precision);
            this.scaleWeights = OutputScales.weights(spec);
            List<Operand<TFloat32>> trainLogits = null;
            if (loss != null) trainLogits = unet.build(image, true);
            Operand<TFloat32> inferLogits = trainLogits != null && spec.normalization() != ModelSpec.Normalization.BATCH
                    ? trainLogits.get(0) : unet.build(image, false).get(0);
            this.probs = tf.withName("probs").nn.softmax(inferLogits);
            if (loss != null && optimizer != null && trainLogits != null) {
                this.training = buildTraining(loss, optimizer, trainLogits, unet.movingAverageUpdates());
            } else {
                this.training = null;
            }
            int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
            ConfigProto.Builder config = ConfigProto.newBuilder()
                    .setIntraOpParallelismThreads(n).setInterOpParallelismThreads(n);
            if (spec.normalization() == ModelSpec.Normalization.NONE) {
                // Grappler's remapper fails on the gradient of the Conv2D+BiasAdd+LeakyRelu pattern ("fanout
                // 'gradients/LeakyReluGrad' exist for missing node 'BiasAdd'") and logs an error; it then skips the
                // pass anyway, so switching it off only removes the noise
                config.setGraphOptions(org.tensorflow.proto.GraphOptions.newBuilder().setRewriteOptions(
                        org.tensorflow.proto.RewriterConfig.newBuilder().setRemapping(org.tensorflow.proto.RewriterConfig.Toggle.OFF)));
            }
            this.session = new Session(graph, config.build());
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    /** A graph that predicts and trains with {@code loss} and {@code optimizer}. */
    public static ModelGraph forTraining(ModelSpec.UNet spec, LossSpec loss, OptimizerSpec optimizer, int threads) {
        return forTraining(spec, loss, optimizer, threads, Precision.FP32);
    }

    /**
     * A graph that predicts and trains with {@code loss} and {@code optimizer}, its convolutions in {@code precision}.
     *
     * @param spec the network
     * @param loss the loss
     * @param optimizer the optimiser
     * @param threads intra-op threads; {@code <= 0} means all cores
     * @param precision the convolutions' arithmetic
     * @return the graph, which the caller closes
     */
    public static ModelGraph forTraining(ModelSpec.UNet spec, LossSpec loss, OptimizerSpec optimizer, int threads, Precision precision) {
        return new ModelGraph(spec, loss, optimizer, threads, precision);
    }

    /** A graph that only predicts (restore weights with {@link #restore}). */
    public static ModelGraph forInference(ModelSpec.UNet spec, int threads) {
        return forInference(spec, threads, Precision.FP32);
    }

    /**
     * A graph that only predicts, its convolutions in {@code precision}.
     *
     * @param spec the network
     * @param threads intra-op threads; {@code <= 0} means all cores
     * @param precision the convolutions' arithmetic
     * @return the graph, which the caller closes
     */
    public static ModelGraph forInference(ModelSpec.UNet spec, int threads, Precision precision) {
        return new ModelGraph(spec, null, null, threads, precision);
    }

    private TrainingOps buildTraining(LossSpec loss, OptimizerSpec optimizer, List<Operand<TFloat32>> logits, List<Op> bnUpdates) {
        int k = spec.classes();
        LossBuilder lb = new LossBuilder(tf, k);
        Placeholder<TFloat32> lr = tf.withName("learning_rate").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        Placeholder<TFloat64> alpha = tf.withName("alpha").placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1)));
        List<Placeholder<TInt32>> labels = new ArrayList<>();
        List<List<Placeholder<TFloat32>>> maps = new ArrayList<>();
        Operand<TFloat64> total = null;
        int nMaps = loss.maps().size();
        for (int s = 0; s < logits.size(); s++) {
            Placeholder<TInt32> lab = tf.withName("labels_" + s).placeholder(TInt32.class, Placeholder.shape(spec.dimensions() == 3
                    ? Shape.of(-1, -1, -1, -1) : Shape.of(-1, -1, -1)));
            labels.add(lab);
            Operand<TFloat64> oneHot = tf.oneHot(lab, tf.constant(k), tf.constant(1.0), tf.constant(0.0));
            List<Placeholder<TFloat32>> ms = new ArrayList<>();
            List<Operand<TFloat64>> ms64 = new ArrayList<>();
            for (int m = 0; m < nMaps; m++) {
                Placeholder<TFloat32> p = tf.withName("map_" + s + "_" + m).placeholder(TFloat32.class, Placeholder.shape(spec.dimensions() == 3
                        ? Shape.of(-1, -1, -1, -1, k) : Shape.of(-1, -1, -1, k)));
                ms.add(p);
                ms64.add(tf.dtypes.cast(p, TFloat64.class));
            }
            maps.add(ms);
            Operand<TFloat64> l = lb.build(loss, new LossBuilder.Inputs(tf.dtypes.cast(logits.get(s), TFloat64.class), oneHot, ms64, alpha));
            Operand<TFloat64> weighted = tf.math.mul(tf.constant(scaleWeights[s]), l);
            total = total == null ? weighted : tf.math.add(total, weighted);
        }
        Operand<TFloat64> lossOut = tf.withName("loss").identity(total);
        Operand<TFloat32> loss32 = tf.dtypes.cast(lossOut, TFloat32.class);
        AdamBuilder.Training t = AdamBuilder.build(graph, tf, store, optimizer, loss32, store.trainable(), lr, bnUpdates);
        return new TrainingOps(labels, maps, lr, alpha, lossOut, t.train(), t.gradientNorm());
    }

    @Override public ModelSpec.UNet spec() { return spec; }

    public Session session() { return session; }

    public VariableStore variables() { return store; }

    /** Number of output scales trained (1 without deep supervision). */
    @Override public int scales() { return scaleWeights.length; }

    /** Assigns every variable its seeded initial value. */
    @Override public void initialize() { requireOpen(); store.initialize(session); }

    /**
     * One optimiser step on {@code batch}; the loss is the value before the update.
     *
     * @param learningRate this epoch's learning rate
     * @param alphas       this epoch's alpha of each gradual combination ({@link org.regionwise.training.spi.GradualAlphas#at})
     */
    @Override public StepResult step(Batch batch, double learningRate, double[] alphas) {
        return runStep(batch, learningRate, alphas, null).result();
    }

    /**
     * {@link #step} with TensorFlow's full trace: the step's result and its per-node execution statistics (for
     * profiling; tracing itself slows the step).
     */
    public ProfiledStep profileStep(Batch batch, double learningRate, double[] alphas) {
        return runStep(batch, learningRate, alphas, RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build());
    }

    /** A traced step: its result and TensorFlow's run metadata (step stats per device and node). */
    public record ProfiledStep(StepResult result, RunMetadata metadata) {}

    private ProfiledStep runStep(Batch batch, double learningRate, double[] alphas, @Nullable RunOptions options) {
        requireOpen();
        TrainingOps t = requireTraining();
        if (batch.scales() != scaleWeights.length) {
            throw new IllegalArgumentException("batch has " + batch.scales() + " scales, the network trains " + scaleWeights.length);
        }
        try (TensorScope scope = new TensorScope()) {
            Session.Runner r = session.runner();
            feedBatch(r, scope, t, batch);
            r.feed(t.learningRate(), scope.scalar((float) learningRate));
            r.feed(t.alpha(), scope.doubles(Shape.of(alphas.length), alphas));
            r.addTarget(t.train()).fetch(t.loss()).fetch(t.gradientNorm());
            if (options != null) r.setOptions(options);
            Result res = options != null ? scope.runWithMetadata(r) : scope.run(r);
            StepResult step = new StepResult(((TFloat64) res.get(0)).getDouble(), ((TFloat32) res.get(1)).getFloat());
            return new ProfiledStep(step, res.getMetadata().orElse(RunMetadata.getDefaultInstance()));
        }
    }

    /** Feeds the image, and per scale the labels and maps, of {@code batch} ({@code [B, (D,) H, W, ...]}). */
    private void feedBatch(Session.Runner r, TensorScope scope, TrainingOps t, Batch batch) {
        r.feed(image, scope.floats(shape(batch, 0, spec.inputChannels()), batch.images()));
        for (int s = 0; s < scaleWeights.length; s++) {
            r.feed(t.labels().get(s), scope.ints(shape(batch, s, 0), batch.labels(s)));
            for (int m = 0; m < t.maps().get(s).size(); m++) {
                r.feed(t.maps().get(s).get(m), scope.floats(shape(batch, s, spec.classes()), batch.map(s, m)));
            }
        }
    }

    /** {@code [B, (D_s,) H_s, W_s(, last)]}: without a last axis when {@code last == 0}. */
    private Shape shape(Batch b, int s, int last) {
        List<Long> d = new ArrayList<>();
        d.add((long) b.size());
        if (spec.dimensions() == 3) d.add((long) b.depth(s));
        d.add((long) b.height(s));
        d.add((long) b.width(s));
        if (last > 0) d.add((long) last);
        long[] a = new long[d.size()];
        for (int i = 0; i < a.length; i++) a[i] = d.get(i);
        return Shape.of(a);
    }

    /** The loss of {@code batch} without updating (float64). */
    @Override public double evaluateLoss(Batch batch, double[] alphas) {
        requireOpen();
        TrainingOps t = requireTraining();
        try (TensorScope scope = new TensorScope()) {
            Session.Runner r = session.runner();
            feedBatch(r, scope, t, batch);
            r.feed(t.alpha(), scope.doubles(Shape.of(alphas.length), alphas));
            r.fetch(t.loss());
            return ((TFloat64) scope.run(r).get(0)).getDouble();
        }
    }

    /**
     * Softmax probabilities of {@code n} images of {@code h x w} (multiples of {@code 2^depth}), NHWC flat in and out:
     * input {@code [n, h, w, C]}, output {@code [n, h, w, K]}.
     */
    @Override public float[] predict(float[] images, int n, int h, int w) {
        org.regionwise.training.spi.InputSizes.requirePredictable(spec, false, 1, h, w);
        return run(images, Shape.of(n, h, w, spec.inputChannels()));
    }

    /** Softmax probabilities of {@code n} volumes {@code [n, d, h, w, C]} (3D network) or of {@code d = 1} images (2D). */
    @Override public float[] predict(float[] images, int n, int d, int h, int w) {
        org.regionwise.training.spi.InputSizes.requirePredictable(spec, true, d, h, w);
        return run(images, spec.dimensions() == 3 ? Shape.of(n, d, h, w, spec.inputChannels()) : Shape.of(n, h, w, spec.inputChannels()));
    }

    /** The inference path on {@code images} of {@code shape}. */
    private float[] run(float[] images, Shape shape) {
        requireOpen();
        try (TensorScope scope = new TensorScope()) {
            Session.Runner r = session.runner().feed(image, scope.floats(shape, images)).fetch(probs);
            return TensorScope.toFloats(scope.run(r).get(0));
        }
    }

    /** Name of the engine in {@code model.properties}. */
    public static final String ENGINE = "tensorflow";

    /** The variables prefix inside a checkpoint or saved-model directory: {@code variables/model}. */
    public static Path variablesPrefix(Path directory) { return directory.resolve("variables").resolve("model"); }

    /**
     * Writes {@code model.properties} and every variable (weights, Adam slots and step, batch-norm statistics) under
     * {@code directory/variables/model}.
     */
    @Override public void save(Path directory) {
        requireOpen();
        try {
            java.nio.file.Files.createDirectories(directory.resolve("variables"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory.resolve("variables"), e);
        }
        ModelFiles.write(spec, directory, ENGINE);
        session.save(variablesPrefix(directory).toString());
    }

    /** Restores the variables written by {@link #save} into {@code directory}. */
    @Override public void restore(Path directory) { requireOpen(); session.restore(variablesPrefix(directory).toString()); }

    @Override public List<float[]> weights() { requireOpen(); return store.readTrainable(session); }

    @Override public long parameterCount() { return store.parameterCount(); }

    /** Exports a SavedModel (tag {@code serve}, signature {@code serving_default}: {@code image -> probs}). */
    @Override public void export(Path directory) {
        requireOpen();
        try {
            SavedModelBundle.exporter(directory.toString()).withSession(session)
                    .withSignature(Signature.builder().key(Signature.DEFAULT_KEY).input("image", image).output("probs", probs).build())
                    .export();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export a SavedModel to " + directory, e);
        }
    }

    private TrainingOps requireTraining() {
        if (training == null) throw new IllegalStateException("this model graph was built for inference only");
        return training;
    }

    /** Throws when the native session is already closed (using it then would crash the JVM). */
    private void requireOpen() {
        if (closed) throw new IllegalStateException("this model is closed");
    }

    /** Closes the session and the graph; later calls do nothing. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            session.close();
        } finally {
            graph.close();
        }
    }
}
