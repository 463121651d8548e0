package org.regionwise.metrics.report;

import org.regionwise.metrics.MetricValue;

/** Shared formatting of values and statuses. */
final class Formats {
    private Formats() {}

    /** {@code measured}, {@code undefined} (NaN with reason) or {@code substituted} (policy value with reason). */
    static String status(MetricValue v) {
        if (!v.isDefined()) return "undefined";
        return v.note() == null ? "measured" : "substituted";
    }

    /** Full-precision number; {@code NaN}, {@code inf}, {@code -inf} as pandas/numpy read them. */
    static String number(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (v == Double.POSITIVE_INFINITY) return "inf";
        if (v == Double.NEGATIVE_INFINITY) return "-inf";
        return Double.toString(v);
    }
}
