package org.regionwise.metrics;

/** How a percentile Hausdorff distance (e.g. HD95) combines the two directions. */
public enum PercentileConvention {
    /**
     * Default, {@code medpy.metric.binary.hd95}: the percentile of the pooled distances of both directions
     * (prediction surface to reference surface, and back), {@code numpy.percentile} linear interpolation.
     */
    MEDPY_POOLED,
    /**
     * MONAI {@code HausdorffDistanceMetric(percentile=95)}: the maximum of the two directed percentiles, each with
     * linear interpolation ({@code torch.quantile}). Surfaces are still medpy's (erosion XOR), not MONAI's
     * neighbour-code edges.
     */
    MONAI_MAX_OF_DIRECTED
}
