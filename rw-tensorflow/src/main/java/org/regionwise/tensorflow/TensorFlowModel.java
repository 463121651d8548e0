package org.regionwise.tensorflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.regionwise.core.backend.EpochReport;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.TrainedModel;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.FloatImage;
import org.regionwise.tensorflow.internal.Checkpoints;
import org.regionwise.tensorflow.internal.ModelGraph;
import org.regionwise.tensorflow.internal.Predictor;
import org.regionwise.tensorflow.internal.SpecFile;

/**
 * A U-Net held in a TensorFlow session. {@link #predict} takes a 2D image of any size, or a 3D volume that it predicts
 * slice by slice along z; {@link #save} writes {@code model.properties} and {@code variables/model.*} (loadable with
 * {@link TensorFlowBackend#load}); {@link #export} writes a TensorFlow SavedModel (tag {@code serve}, signature
 * {@code serving_default}: input {@code image} {@code [B, H, W, 1]} float32 z-scored, H and W multiples of
 * {@code 2^depth}, output {@code probs} {@code [B, H, W, K]}). Not thread-safe; close it to free native memory.
 */
public final class TensorFlowModel implements TrainedModel {
    private final ModelGraph graph;
    private final List<EpochReport> history;

    TensorFlowModel(ModelGraph graph, List<EpochReport> history) {
        this.graph = graph;
        this.history = List.copyOf(history);
    }

    @Override public ModelSpec.UNet spec() { return graph.spec(); }

    @Override public List<EpochReport> history() { return history; }

    @Override public ClassMaps predict(FloatImage image) { return Predictor.predict(graph, image); }

    /** One image per input channel (2D of any size, or 3D slice by slice along z). */
    @Override public ClassMaps predict(java.util.List<FloatImage> channels) { return Predictor.predict(graph, channels); }

    @Override public void save(Path directory) {
        try {
            Files.createDirectories(directory.resolve("variables"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
        SpecFile.write(graph.spec(), directory);
        graph.save(Checkpoints.variablesPrefix(directory));
    }

    @Override public void export(Path directory) { graph.exportSavedModel(directory); }

    /** Current values of the trainable variables in creation order (for comparisons and diagnostics). */
    public List<float[]> weights() { return graph.variables().readTrainable(graph.session()); }

    /** Number of trainable parameters. */
    public long parameterCount() { return graph.variables().parameterCount(); }

    @Override public void close() { graph.close(); }
}
