package org.regionwise.core.backend;

import java.nio.file.Path;
import java.util.List;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.LabelImage;

/** A trained network that owns native resources: close it when done. */
public interface TrainedModel extends AutoCloseable {

    /**
     * The network this model was built from.
     *
     * @return the spec
     */
    ModelSpec spec();

    /**
     * Per-epoch history of the training that produced this model (empty for a loaded model without history).
     *
     * @return the epoch reports, in order
     */
    List<EpochReport> history();

    /**
     * Softmax probabilities for a single-channel 2D image of any size (K maps on the image's grid).
     *
     * @param image a 2D single-channel image
     * @return K probability maps on the image's grid
     */
    ClassMaps predict(FloatImage image);

    /**
     * Softmax probabilities for a 2D case given as one image per input channel, in training order. The default
     * handles one channel; backends that train multi-channel networks override it.
     *
     * @param channels one image per input channel, on one grid
     * @return K probability maps on the images' grid
     */
    default ClassMaps predict(List<FloatImage> channels) {
        if (channels.size() != 1) {
            throw new UnsupportedOperationException("this model predicts single-channel images, got " + channels.size() + " channels");
        }
        return predict(channels.get(0));
    }

    /**
     * Argmax labels for a 2D image, or slice by slice along the last axis for a 3D volume.
     *
     * @param image a 2D image or a 3D volume
     * @return the labels on the image's grid
     */
    default LabelImage segment(FloatImage image) {
        return predict(image).argmax();
    }

    /**
     * Argmax labels for a 2D case given as one image per input channel ({@link #predict(List)}).
     *
     * @param channels one image per input channel, on one grid
     * @return the labels on the images' grid
     */
    default LabelImage segment(List<FloatImage> channels) {
        return channels.size() == 1 ? segment(channels.get(0)) : predict(channels).argmax();
    }

    /**
     * Saves weights and spec so that {@link TrainingBackend#load(Path)} restores this model.
     *
     * @param directory the folder to write (created if absent)
     */
    void save(Path directory);

    /**
     * Exports a self-contained model (e.g. a TensorFlow SavedModel) that loads without RegionWise.
     *
     * @param directory the folder to write (created if absent)
     */
    void export(Path directory);

    @Override void close();
}
