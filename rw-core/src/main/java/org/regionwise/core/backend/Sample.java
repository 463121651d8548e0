package org.regionwise.core.backend;

import java.util.Objects;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.LabelImage;

/** One training or validation case: a single-channel intensity image and its labels on the same grid. */
public record Sample(String id, FloatImage image, LabelImage labels) {
    public Sample {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(labels, "labels");
        image.grid().requireSameShape(labels.grid(), "image vs labels of case " + id);
    }
}
