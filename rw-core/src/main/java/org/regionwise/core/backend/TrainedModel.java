package org.regionwise.core.backend;

import java.nio.file.Path;
import java.util.List;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.LabelImage;

/** A trained network that owns native resources: close it when done. */
public interface TrainedModel extends AutoCloseable {

    ModelSpec spec();

    /** Per-epoch history of the training that produced this model (empty for a loaded model without history). */
    List<EpochReport> history();

    /** Softmax probabilities for a 2D image of any size (K maps on the image's grid). */
    ClassMaps predict(FloatImage image);

    /** Argmax labels for a 2D image, or slice by slice along the last axis for a 3D volume. */
    default LabelImage segment(FloatImage image) {
        return predict(image).argmax();
    }

    /** Saves weights and spec so that {@link TrainingBackend#load(Path)} restores this model. */
    void save(Path directory);

    /** Exports a self-contained model (e.g. a TensorFlow SavedModel) that loads without RegionWise. */
    void export(Path directory);

    @Override void close();
}
