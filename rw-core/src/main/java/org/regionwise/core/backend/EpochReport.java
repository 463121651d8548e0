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
 */
public record EpochReport(int epoch, double trainLoss, double learningRate, List<Double> validationDice,
                          List<Double> validationHausdorffMm, double seconds) {
    public EpochReport {
        validationDice = List.copyOf(validationDice);
        validationHausdorffMm = List.copyOf(validationHausdorffMm);
    }

    public boolean validated() { return !validationDice.isEmpty(); }
}
