package org.regionwise.metrics;

import java.util.Locale;

/** The metrics computed per (case, class), with their short key and unit. */
public enum Metric {
    /** {@code 2|P∩R| / (|P| + |R|)}; NaN when both masks are empty (medpy's {@code dc} would return 0 there). */
    DICE("dice", ""),
    /** Jaccard {@code |P∩R| / |P∪R|}; NaN when both masks are empty. */
    IOU("iou", ""),
    /** {@code |P∩R| / |P|}; NaN when the prediction is empty (medpy returns 0). */
    PRECISION("precision", ""),
    /** Sensitivity {@code |P∩R| / |R|}; NaN when the reference is empty (medpy returns 0). */
    RECALL("recall", ""),
    /** {@code abs(|P| - |R|) * voxel volume}, mm³; always defined. */
    ABSOLUTE_VOLUME_DIFFERENCE("avd", "mm^3"),
    /** Signed {@code (|P| - |R|) / |R|} as medpy's {@code ravd}; NaN when the reference is empty. */
    RELATIVE_VOLUME_DIFFERENCE("rvd", ""),
    /** Symmetric Hausdorff distance (medpy {@code hd}), mm. */
    HAUSDORFF("hd", "mm"),
    /** 95th-percentile Hausdorff distance (medpy {@code hd95} pooled by default), mm. */
    HAUSDORFF95("hd95", "mm"),
    /** Average surface distance from prediction to reference (medpy {@code asd(result, reference)}), mm. */
    AVERAGE_SURFACE_DISTANCE("asd", "mm"),
    /** Mean of the two directed average surface distances (medpy {@code assd}), mm. */
    AVERAGE_SYMMETRIC_SURFACE_DISTANCE("assd", "mm"),
    /** Normalised surface Dice at the tolerance of {@link EvaluationOptions#surfaceDiceToleranceMm()}, voxel surfaces. */
    SURFACE_DICE("nsd", "");

    private final String key;
    private final String unit;

    Metric(String key, String unit) {
        this.key = key;
        this.unit = unit;
    }

    /**
     * Short lower-case name used in CSV/JSON and on the command line, e.g. {@code "hd95"}.
     *
     * @return the key
     */
    public String key() { return key; }

    /**
     * Unit of the value: {@code "mm"}, {@code "mm^3"} or empty for a ratio.
     *
     * @return the unit
     */
    public String unit() { return unit; }

    /**
     * True for the metrics whose value is a surface distance and therefore follows the {@link EmptyMaskPolicy}.
     *
     * @return whether it is a distance metric
     */
    public boolean isDistance() {
        return this == HAUSDORFF || this == HAUSDORFF95 || this == AVERAGE_SURFACE_DISTANCE
                || this == AVERAGE_SYMMETRIC_SURFACE_DISTANCE;
    }

    /**
     * The metric whose {@link #key()} is {@code key} (case-insensitive).
     *
     * @param key a metric key
     * @return the metric
     */
    public static Metric fromKey(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        for (Metric m : values()) if (m.key.equals(k)) return m;
        throw new IllegalArgumentException("unknown metric '" + key + "'; known: dice, iou, precision, recall, avd, rvd, hd, hd95, asd, assd, nsd");
    }
}
