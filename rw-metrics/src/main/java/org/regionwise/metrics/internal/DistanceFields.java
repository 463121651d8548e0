package org.regionwise.metrics.internal;

/** The distance field the metrics use. */
public final class DistanceFields {
    private static final DistanceField STANDARD = new ExactEuclideanDistanceField();

    private DistanceFields() {}

    /** The exact double-precision field used by every public entry point. */
    public static DistanceField standard() { return STANDARD; }
}
