package org.regionwise.core.backend;

import java.util.List;

/**
 * What happened in one epoch.
 *
 * @param epoch          0-based epoch
 * @param trainLoss      mean training loss over the epoch's steps
 * @param learningRate   learning rate used
 * @param validationDice per-class mean validation Dice (index = class), empty when not validated this epoch
 * @param validationHausdorffMm per-class mean validation Hausdorff distance in mm, empty when not validated
 * @param seconds        wall time of the epoch
 * @param validationPredictedVoxels per-class number of voxels the model predicted (argmax) over all validation cases,
 *                       empty when not validated or not recorded; 0 for a foreground class that is present in the
 *                       references means the model predicts it nowhere (collapse)
 */
public record EpochReport(int epoch, double trainLoss, double learningRate, List<Double> validationDice,
                          List<Double> validationHausdorffMm, double seconds, List<Long> validationPredictedVoxels) {
    /**
     * Copies the lists, so that the report is immutable.
     *
     * @param epoch 0-based epoch
     * @param trainLoss mean training loss over the epoch's steps
     * @param learningRate learning rate used
     * @param validationDice per-class mean validation Dice (index = class), empty when not validated this epoch
     * @param validationHausdorffMm per-class mean validation Hausdorff distance in mm, empty when not validated
     * @param seconds wall time of the epoch
     * @param validationPredictedVoxels per-class number of voxels the model predicted (argmax) over all validation
     *                                  cases, empty when not validated or not recorded; 0 for a foreground class that
     *                                  is present in the references means the model predicts it nowhere (collapse)
     */
    public EpochReport {
        validationDice = List.copyOf(validationDice);
        validationHausdorffMm = List.copyOf(validationHausdorffMm);
        validationPredictedVoxels = List.copyOf(validationPredictedVoxels);
    }

    /**
     * A report without predicted-voxel counts.
     *
     * @param epoch the 0-based epoch
     * @param trainLoss the mean training loss of the epoch
     * @param learningRate the learning rate of the epoch
     * @param validationDice the validation Dice per class (index = label), empty when not validated
     * @param validationHausdorffMm the validation Hausdorff distance per class in mm, empty when not validated
     * @param seconds the wall-clock duration of the epoch in seconds
     */
    public EpochReport(int epoch, double trainLoss, double learningRate, List<Double> validationDice,
                       List<Double> validationHausdorffMm, double seconds) {
        this(epoch, trainLoss, learningRate, validationDice, validationHausdorffMm, seconds, List.of());
    }

    /**
     * Whether this epoch was validated (validation values present).
     *
     * @return true when the validation lists are not empty
     */
    public boolean validated() { return !validationDice.isEmpty(); }

    /**
     * Mean validation Dice over the foreground classes 1..K-1 ({@link #meanForeground(List)}); NaN when not validated.
     *
     * @return the mean foreground validation Dice, or NaN
     */
    public double meanForegroundDice() { return meanForeground(validationDice); }

    /**
     * Mean of {@code perClass} over classes 1..K-1 (the background, index 0, left out), NaN values skipped; NaN when no
     * foreground value is defined.
     *
     * @param perClass one value per class, index = label
     * @return the foreground mean, or NaN
     */
    public static double meanForeground(List<Double> perClass) {
        double s = 0;
        int n = 0;
        for (int k = 1; k < perClass.size(); k++) {
            double v = perClass.get(k);
            if (!Double.isNaN(v)) { s += v; n++; }
        }
        return n == 0 ? Double.NaN : s / n;
    }
}
