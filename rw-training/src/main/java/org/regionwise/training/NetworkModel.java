package org.regionwise.training;

import java.nio.file.Path;
import java.util.List;
import org.regionwise.core.backend.EpochReport;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.TrainedModel;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.FloatImage;
import org.regionwise.training.internal.Predictor;
import org.regionwise.training.spi.Network;

/**
 * A trained (or loaded) engine network as a {@link TrainedModel}: {@link #predict} takes a 2D image of any size, or
 * a 3D volume that a 2D network predicts slice by slice along z and a 3D network whole (z-scored per channel, padded
 * to a multiple of {@code 2^depth} and cropped back, or by sliding windows as its {@link Inference} says); {@link #save} writes {@code model.properties} and the engine's files;
 * {@link #export} the engine's self-contained format. Not thread-safe; close it to free native memory.
 */
public final class NetworkModel implements TrainedModel {
    private final Network network;
    private final List<EpochReport> history;
    private final Inference inference;

    /**
     * A model of {@code network} with its training history.
     *
     * @param network the trained network (closed with this model)
     * @param history the epoch reports
     */
    public NetworkModel(Network network, List<EpochReport> history) { this(network, history, Inference.WHOLE_IMAGE); }

    private NetworkModel(Network network, List<EpochReport> history, Inference inference) {
        this.network = network;
        this.history = List.copyOf(history);
        this.inference = inference;
    }

    /**
     * This model predicting as {@code inference} says (a view sharing the network: closing either closes both).
     *
     * @param inference whole image or sliding window, with or without mirroring
     * @return the model
     */
    public NetworkModel withInference(Inference inference) { return new NetworkModel(network, history, inference); }

    /**
     * How this model predicts.
     *
     * @return the inference
     */
    public Inference inference() { return inference; }

    @Override public ModelSpec.UNet spec() { return network.spec(); }

    @Override public List<EpochReport> history() { return history; }

    @Override public ClassMaps predict(FloatImage image) { return Predictor.predict(network, List.of(image), inference); }

    /** One image per input channel (2D of any size, or 3D: slice by slice along z for a 2D network, whole for a 3D one). */
    @Override public ClassMaps predict(List<FloatImage> channels) { return Predictor.predict(network, channels, inference); }

    /**
     * Writes the network ({@link Network#save}) and, when this model predicts by windows or with mirroring,
     * {@value #INFERENCE_FILE} ({@code window}, {@code step}, {@code mirror}), which {@link EngineBackend#load} applies:
     * a loaded 3D model segments by the windows it was trained with.
     */
    @Override public void save(Path directory) {
        network.save(directory);
        writeInference(directory, inference);
    }

    /**
     * Writes {@value #INFERENCE_FILE} for {@code inference} into {@code directory} (nothing for whole-image
     * prediction, the default that an absent file means).
     *
     * @param directory a model or checkpoint directory
     * @param inference how the model segments
     */
    public static void writeInference(Path directory, Inference inference) {
        if (inference.equals(Inference.WHOLE_IMAGE)) return;
        String text = "# how this model segments (rw-training's Inference)\nwindow=" + inference.window() + "\nstep=" + inference.step()
                + "\nmirror=" + inference.mirror() + "\n";
        org.regionwise.core.io.AtomicFiles.writeString(directory.resolve(INFERENCE_FILE), text);
    }

    /** The file beside the network's files that records a model's {@link Inference}. */
    public static final String INFERENCE_FILE = "inference.properties";

    /**
     * The inference recorded in {@code directory} by {@link #save}, or whole-image prediction when there is none.
     *
     * @param directory a model directory
     * @return the inference
     * @throws IllegalArgumentException naming the file when it cannot be read
     */
    public static Inference recordedInference(Path directory) {
        Path f = directory.resolve(INFERENCE_FILE);
        if (!java.nio.file.Files.isRegularFile(f)) return Inference.WHOLE_IMAGE;
        java.util.Properties p = new java.util.Properties();
        try (var r = java.nio.file.Files.newBufferedReader(f, java.nio.charset.StandardCharsets.UTF_8)) {
            p.load(r);
            return new Inference(Integer.parseInt(p.getProperty("window", "0").trim()), Double.parseDouble(p.getProperty("step", "0.5").trim()),
                    Boolean.parseBoolean(p.getProperty("mirror", "false").trim()));
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    @Override public void export(Path directory) { network.export(directory); }

    /**
     * Current values of the trainable variables in creation order (for comparisons and diagnostics).
     *
     * @return the weights
     */
    public List<float[]> weights() { return network.weights(); }

    /**
     * Number of trainable parameters.
     *
     * @return the count
     */
    public long parameterCount() { return network.parameterCount(); }

    /**
     * The engine's network (for engine-specific diagnostics).
     *
     * @return the network
     */
    public Network network() { return network; }

    @Override public void close() { network.close(); }
}
