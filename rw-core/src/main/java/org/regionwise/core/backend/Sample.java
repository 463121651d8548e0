package org.regionwise.core.backend;

import java.util.List;
import java.util.Objects;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.LabelImage;

/**
 * One case: its intensity images, one per input channel (e.g. BraTS' T2, T1, T1ce and FLAIR), and its labels, all on
 * the same grid.
 *
 * @param channels at least one image; every channel has the labels' shape
 */
public record Sample(String id, List<FloatImage> channels, LabelImage labels) {
    public Sample {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(labels, "labels");
        channels = List.copyOf(channels);
        if (channels.isEmpty()) throw new IllegalArgumentException("case " + id + " has no image channel");
        for (int c = 0; c < channels.size(); c++) {
            channels.get(c).grid().requireSameShape(labels.grid(), "image channel " + c + " vs labels of case " + id);
        }
    }

    /** A single-channel case. */
    public Sample(String id, FloatImage image, LabelImage labels) {
        this(id, List.of(Objects.requireNonNull(image, "image")), labels);
    }

    /** The first (for single-channel cases the only) channel. */
    public FloatImage image() { return channels.get(0); }

    /** The number of input channels. */
    public int channelCount() { return channels.size(); }
}
