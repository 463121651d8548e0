package org.regionwise.examples.experiment;

import java.util.List;

/**
 * Per-class scores of one test case. Lists are indexed by class (index 0, the background, is NaN: the paper scores
 * foreground classes only).
 *
 * @param caseId      the case
 * @param dice        Dice {@code 2|P∩G| / (|P| + |G|)}; NaN when the class is absent from both prediction and truth
 * @param hausdorffMm symmetric Hausdorff distance between the class surfaces in mm (medpy {@code hd} semantics); NaN
 *                    when the class is absent from the prediction or the truth
 */
public record CaseScore(String caseId, List<Double> dice, List<Double> hausdorffMm) {
    /**
     * Copies the lists and checks one HD value per Dice value.
     *
     * @param caseId the case
     * @param dice Dice {@code 2|P∩G| / (|P| + |G|)}; NaN when the class is absent from both prediction and truth
     * @param hausdorffMm symmetric Hausdorff distance between the class surfaces in mm (medpy {@code hd} semantics);
     *                    NaN when the class is absent from the prediction or the truth
     */
    public CaseScore {
        dice = List.copyOf(dice);
        hausdorffMm = List.copyOf(hausdorffMm);
        if (dice.size() != hausdorffMm.size()) {
            throw new IllegalArgumentException("case " + caseId + ": " + dice.size() + " Dice values but " + hausdorffMm.size() + " HD values");
        }
    }
}
