package org.regionwise.core.backend;

import java.util.List;
import java.util.Objects;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.LabelImage;

/**
 * One case: its intensity images, one per input channel (e.g. BraTS' T2, T1, T1ce and FLAIR), and its labels, all on
 * the same grid.
 *
 * @param id the case identifier
 * @param channels at least one image; every channel has the labels' shape
 * @param labels the ground truth
 */
public record Sample(String id, List<FloatImage> channels, LabelImage labels) {
    /**
     * Checks that there is at least one channel and that every channel has the labels' size; copies the channel list.
     *
     * @param id the case identifier
     * @param channels at least one image; every channel has the labels' shape
     * @param labels the ground truth
     */
    public Sample {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(labels, "labels");
        channels = List.copyOf(channels);
        if (channels.isEmpty()) throw new IllegalArgumentException("case " + id + " has no image channel");
        for (int c = 0; c < channels.size(); c++) {
            channels.get(c).grid().requireSameShape(labels.grid(), "image channel " + c + " vs labels of case " + id);
        }
    }

    /**
     * A single-channel case.
     *
     * @param id the case identifier
     * @param image the single input channel
     * @param labels the ground truth on the image's grid
     */
    public Sample(String id, FloatImage image, LabelImage labels) {
        this(id, List.of(Objects.requireNonNull(image, "image")), labels);
    }

    /**
     * The first (for single-channel cases the only) channel.
     *
     * @return the first channel
     */
    public FloatImage image() { return channels.get(0); }

    /**
     * The number of input channels.
     *
     * @return the channel count
     */
    public int channelCount() { return channels.size(); }
}
