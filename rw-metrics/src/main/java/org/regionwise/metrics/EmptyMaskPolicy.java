package org.regionwise.metrics;

/**
 * What a surface distance (HD, HD95, ASD, ASSD) becomes when exactly one of prediction and reference is empty for a
 * class, i.e. a missed structure or a hallucinated one. No policy ever yields a silent 0 or silently drops a case.
 *
 * <p>When <em>both</em> masks are empty the class is absent and correctly predicted absent: every distance is
 * undefined (NaN with that reason) under every policy except {@link #SKIP}, which records it as skipped.
 */
public enum EmptyMaskPolicy {
    /** Default: NaN with a recorded reason; aggregation counts it as undefined (never averaged as 0). */
    NAN,
    /** {@code +infinity} with a recorded reason (MONAI's choice for an empty ground truth or prediction). */
    INFINITY,
    /** The diagonal of the reference image in mm, {@code sqrt(sum_a (n_a s_a)^2)}, a finite worst case. */
    DIAGONAL,
    /** {@link EvaluationOptions#fixedEmptyValue()} mm. */
    FIXED,
    /**
     * The (case, class, metric) is left out of the values and listed in {@link CaseEvaluation#skipped()} with the
     * reason; summaries report how many were skipped. This is what nnU-Net's nanmean does implicitly.
     */
    SKIP
}
