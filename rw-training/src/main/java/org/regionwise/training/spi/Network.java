package org.regionwise.training.spi;

import java.nio.file.Path;
import java.util.List;
import org.regionwise.core.backend.ModelSpec;

/**
 * A U-Net held by an engine (native memory: close it). Tensors cross this interface as flat float arrays in NHWC
 * order, so the trainer never touches an engine's tensor type.
 */
public interface Network extends AutoCloseable {

    /**
     * The network's description.
     *
     * @return the spec
     */
    ModelSpec.UNet spec();

    /**
     * Softmax probabilities of {@code n} images of {@code h x w} (multiples of {@code 2^depth}): input
     * {@code [n, h, w, C]} z-scored intensities, output {@code [n, h, w, K]}.
     *
     * @param images the input
     * @param n the image count
     * @param h the height
     * @param w the width
     * @return the probabilities
     */
    float[] predict(float[] images, int n, int h, int w);

    /**
     * Softmax probabilities of {@code n} volumes of {@code d x h x w} for a 3D network (each edge a multiple of
     * {@link ModelSpec.UNet#multiple} along its axis): input {@code [n, d, h, w, C]}, output {@code [n, d, h, w, K]},
     * D along z, H along y, W along x. A 2D network accepts {@code d = 1} (the 2D method).
     *
     * @param images the input
     * @param n the volume count
     * @param d the depth (z)
     * @param h the height (y)
     * @param w the width (x)
     * @return the probabilities
     */
    default float[] predict(float[] images, int n, int d, int h, int w) {
        if (spec().dimensions() == 2 && d == 1) return predict(images, n, h, w);
        throw new UnsupportedOperationException("this engine's network does not predict " + spec().dimensions() + "D inputs of depth " + d);
    }

    /**
     * Writes the network's complete state into {@code directory}: {@link ModelFiles#write model.properties} and the
     * engine's own files (weights, optimiser moments and step, normalisation statistics). {@link Engine#load} and
     * {@link TrainableNetwork#restore} read it back.
     *
     * @param directory the folder to write
     */
    void save(Path directory);

    /**
     * Exports a self-contained model that loads without RegionWise (TensorFlow: a SavedModel).
     *
     * @param directory the folder to write
     */
    void export(Path directory);

    /**
     * Current values of the trainable parameters in creation order (diagnostics, cross-engine comparisons).
     *
     * @return the weights
     */
    List<float[]> weights();

    /**
     * Number of trainable parameters.
     *
     * @return the count
     */
    default long parameterCount() {
        long n = 0;
        for (float[] w : weights()) n += w.length;
        return n;
    }

    /** Frees the native memory; later calls do nothing. */
    @Override void close();
}
