package org.regionwise.metrics;

import org.jspecify.annotations.Nullable;

/**
 * One metric value and, when it is not a plain measurement, why: NaN with the reason it is undefined (e.g. "both
 * masks are empty"), or a value substituted by an {@link EmptyMaskPolicy} with the policy named.
 *
 * @param value the value (NaN when undefined, may be +infinity under {@link EmptyMaskPolicy#INFINITY})
 * @param note  null for a plain measurement; otherwise the reason
 */
public record MetricValue(double value, @Nullable String note) {

    /**
     * Checks that a NaN value comes with a reason.
     *
     * @param value the value (NaN when undefined, may be +infinity under {@link EmptyMaskPolicy#INFINITY})
     * @param note null for a plain measurement; otherwise the reason
     */
    public MetricValue {
        if (Double.isNaN(value) && (note == null || note.isBlank())) {
            throw new IllegalArgumentException("an undefined (NaN) metric value needs a reason");
        }
    }

    /**
     * A plain measured value.
     *
     * @param value the value
     * @return the metric value
     */
    public static MetricValue of(double value) { return new MetricValue(value, null); }

    /**
     * An undefined value: NaN and the reason.
     *
     * @param reason why it is undefined
     * @return the metric value
     */
    public static MetricValue undefined(String reason) { return new MetricValue(Double.NaN, reason); }

    /**
     * A value substituted for an undefined one (by a policy), with the reason.
     *
     * @param value the substitute
     * @param reason why it was substituted
     * @return the metric value
     */
    public static MetricValue substituted(double value, String reason) { return new MetricValue(value, reason); }

    /**
     * True unless the value is NaN.
     *
     * @return whether the value is defined
     */
    public boolean isDefined() { return !Double.isNaN(value); }

    @Override public String toString() { return note == null ? Double.toString(value) : value + " (" + note + ")"; }
}
