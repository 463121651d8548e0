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

    @Override public void save(Path directory) { network.save(directory); }

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
