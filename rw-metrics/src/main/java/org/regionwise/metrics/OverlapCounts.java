package org.regionwise.metrics;

/**
 * Voxel counts of one class in a prediction P and a reference R, and the overlap metrics derived from them.
 * Undefined ratios (0/0) are NaN; {@link Metrics#evaluate} records the reason.
 *
 * @param prediction     |P|, voxels
 * @param reference      |R|, voxels
 * @param intersection   |P ∩ R|, voxels
 * @param voxelVolumeMm3 volume of one voxel of the reference grid, mm³ (mm² in 2D)
 */
public record OverlapCounts(long prediction, long reference, long intersection, double voxelVolumeMm3) {

    /**
     * Checks that the counts are consistent: none negative, the intersection at most the smaller mask.
     *
     * @param prediction |P|, voxels
     * @param reference |R|, voxels
     * @param intersection |P ∩ R|, voxels
     * @param voxelVolumeMm3 volume of one voxel of the reference grid, mm³ (mm² in 2D)
     */
    public OverlapCounts {
        if (prediction < 0 || reference < 0 || intersection < 0 || intersection > Math.min(prediction, reference)) {
            throw new IllegalArgumentException("inconsistent counts |P|=" + prediction + ", |R|=" + reference + ", |P∩R|=" + intersection);
        }
    }

    /**
     * {@code 2|P∩R| / (|P| + |R|)}; NaN when both are empty.
     *
     * @return the Dice
     */
    public double dice() {
        long s = prediction + reference;
        return s == 0 ? Double.NaN : 2.0 * intersection / s;
    }

    /**
     * {@code |P∩R| / |P∪R|}; NaN when both are empty.
     *
     * @return the IoU
     */
    public double iou() {
        long u = prediction + reference - intersection;
        return u == 0 ? Double.NaN : (double) intersection / u;
    }

    /**
     * {@code |P∩R| / |P|}; NaN when P is empty.
     *
     * @return the precision
     */
    public double precision() { return prediction == 0 ? Double.NaN : (double) intersection / prediction; }

    /**
     * {@code |P∩R| / |R|}; NaN when R is empty.
     *
     * @return the recall
     */
    public double recall() { return reference == 0 ? Double.NaN : (double) intersection / reference; }

    /**
     * {@code abs(|P| - |R|) * voxel volume}, mm³.
     *
     * @return the difference in mm³
     */
    public double absoluteVolumeDifferenceMm3() { return Math.abs(prediction - reference) * voxelVolumeMm3; }

    /**
     * Signed {@code (|P| - |R|) / |R|} (medpy {@code ravd}); NaN when R is empty.
     *
     * @return the relative difference
     */
    public double relativeVolumeDifference() {
        return reference == 0 ? Double.NaN : (double) (prediction - reference) / reference;
    }
}
