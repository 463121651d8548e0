package org.regionwise.maps;

import java.util.Locale;

/**
 * The result of {@link StabilityDiagnostic}: does a map satisfy the stability principle of the RW loss on one label
 * image?
 *
 * @param voxels           voxels examined
 * @param classes          K
 * @param violations       voxels where the ground-truth class is <b>not</b> the strict argmin of the map (a tie counts
 *                         as a violation; so does a NaN)
 * @param firstViolation   description of the first violating voxel, or {@code ""} if none
 * @param minMargin        the smallest {@code z_other - z_true} over all voxels and other classes ({@code +inf} when
 *                         {@code K = 1}); positive iff the ordering holds everywhere
 * @param min              smallest map value over all classes and voxels
 * @param max              largest map value
 * @param nonFinite        number of NaN or infinite values
 * @param boundedness      what is known about a size-independent bound (see {@link Boundedness})
 * @param sizeGrowth       {@code max|z|} on the labels upsampled 2x per axis divided by {@code max|z|} on the labels;
 *                         NaN when that test was not run
 */
public record StabilityReport(int voxels, int classes, long violations, String firstViolation, double minMargin,
                              double min, double max, long nonFinite, Boundedness boundedness, double sizeGrowth) {

    /** What the diagnostic could establish about the range of the map. */
    public enum Boundedness {
        /** All values lie in {@code [-1, 1]}: bounded and normalised whatever the image size. */
        UNIT_RANGE,
        /** Values leave {@code [-1, 1]} but did not grow when the same labels were upsampled 2x per axis. */
        SIZE_INDEPENDENT,
        /** Values grew when the labels were upsampled 2x per axis: the map is unbounded (e.g. raw distance maps). */
        GROWS_WITH_SIZE,
        /** Values leave {@code [-1, 1]} and no size test was run (use the overload that takes the map). */
        UNKNOWN,
        /** Some values are NaN or infinite. */
        NON_FINITE
    }

    /**
     * True when the ground-truth class holds the strictly smallest value at every voxel.
     *
     * @return whether the ordering holds
     */
    public boolean orderingHolds() {
        return violations == 0;
    }

    /**
     * True when the ordering holds and the values are known to be bounded independently of image size.
     *
     * @return whether the map is stable
     */
    public boolean stable() {
        return orderingHolds() && (boundedness == Boundedness.UNIT_RANGE || boundedness == Boundedness.SIZE_INDEPENDENT);
    }

    /**
     * One or two human-readable lines.
     *
     * @return the summary
     */
    public String summary() {
        StringBuilder b = new StringBuilder(stable() ? "STABLE: " : "UNSTABLE: ");
        if (orderingHolds()) {
            b.append(String.format(Locale.ROOT, "the ground-truth class is the strict argmin at all %d voxels", voxels));
            if (classes > 1) b.append(String.format(Locale.ROOT, " (smallest margin %.4g)", minMargin));
        } else {
            b.append(String.format(Locale.ROOT, "%d of %d voxels (%.2f%%) violate the ordering (first: %s)",
                    violations, voxels, 100.0 * violations / voxels, firstViolation));
        }
        b.append(String.format(Locale.ROOT, "; values in [%.4g, %.4g]", min, max));
        switch (boundedness) {
            case UNIT_RANGE -> b.append(", within [-1, 1]: bounded independently of image size");
            case SIZE_INDEPENDENT -> b.append(String.format(Locale.ROOT,
                    ", outside [-1, 1] but unchanged (x%.3f) on the labels upsampled 2x: bounded", sizeGrowth));
            case GROWS_WITH_SIZE -> b.append(String.format(Locale.ROOT,
                    ", growing x%.3f on the labels upsampled 2x: unbounded (depends on image size)", sizeGrowth));
            case UNKNOWN -> b.append(", outside [-1, 1]; size dependence not tested");
            case NON_FINITE -> b.append(String.format(Locale.ROOT, ", %d values are NaN or infinite", nonFinite));
        }
        return b.toString();
    }

    @Override public String toString() { return summary(); }
}
