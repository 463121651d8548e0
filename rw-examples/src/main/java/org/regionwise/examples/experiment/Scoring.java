package org.regionwise.examples.experiment;

import org.regionwise.core.image.LabelImage;

/** The per-class metrics of the evaluation and the instability of a validation curve. */
public interface Scoring {

    /**
     * Dice of class {@code label}; NaN when the class is absent from both images.
     *
     * @param prediction the predicted labels
     * @param truth the reference labels
     * @param label the class
     * @return the Dice
     */
    double dice(LabelImage prediction, LabelImage truth, int label);

    /**
     * Symmetric Hausdorff distance of class {@code label} in mm; NaN when either image lacks the class.
     *
     * @param prediction the predicted labels
     * @param truth the reference labels
     * @param label the class
     * @return the distance in mm
     */
    double hausdorffMm(LabelImage prediction, LabelImage truth, int label);

    /**
     * The instability of a validation Dice curve (one value per epoch).
     *
     * @param curve one value per epoch
     * @return the measures, by name (e.g. the number of drops larger than the threshold)
     */
    java.util.Map<String, Double> instability(double[] curve);

    /**
     * The spread of several runs' validation curves (one per seed, same length) over their last {@code lastEpochs}
     * points: the mean over those epochs of the standard deviation across runs; NaN when it cannot be computed.
     *
     * @param curves one curve per run
     * @param lastEpochs how many final epochs count
     * @return the spread
     */
    default double spreadAcrossRuns(double[][] curves, int lastEpochs) { return Double.NaN; }
}
