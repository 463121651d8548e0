package org.regionwise.examples.experiment;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.regionwise.core.backend.EpochReport;
import org.regionwise.core.image.LabelImage;

/**
 * The outcome of training one (dataset, loss, seed) and evaluating it on the test split.
 *
 * @param dataset        dataset name
 * @param loss           loss name as given (e.g. {@code rrw+ce})
 * @param seed           training seed
 * @param history        per-epoch training loss and validation Dice/HD
 * @param scores         per-test-case per-class scores (empty when the run failed)
 * @param predictions    predictions kept for overlays, by case id
 * @param trainSeconds   wall time of training (including per-epoch validation)
 * @param evalSeconds    wall time of the test-set prediction and scoring
 * @param failure        why training failed (e.g. divergence), or null
 */
public record RunResult(String dataset, String loss, long seed, List<EpochReport> history, List<CaseScore> scores,
                        Map<String, LabelImage> predictions, double trainSeconds, double evalSeconds,
                        @Nullable String failure) {
    /**
     * Checks that the dataset and loss are given and copies the lists and map.
     *
     * @param dataset dataset name
     * @param loss loss name as given (e.g. {@code rrw+ce})
     * @param seed training seed
     * @param history per-epoch training loss and validation Dice/HD
     * @param scores per-test-case per-class scores (empty when the run failed)
     * @param predictions predictions kept for overlays, by case id
     * @param trainSeconds wall time of training (including per-epoch validation)
     * @param evalSeconds wall time of the test-set prediction and scoring
     * @param failure why training failed (e.g. divergence), or null
     */
    public RunResult {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(loss, "loss");
        history = List.copyOf(history);
        scores = List.copyOf(scores);
        predictions = Map.copyOf(predictions);
    }

    /**
     * Whether training failed.
     *
     * @return true when {@link #failure()} is set
     */
    public boolean failed() { return failure != null; }

    /**
     * The validation curve: per epoch, the mean validation Dice over the foreground classes (classes 1..K-1, NaN
     * classes skipped); epochs without validation are skipped.
     *
     * @return one value per validated epoch
     */
    public double[] validationDiceCurve() {
        return history.stream().filter(EpochReport::validated).mapToDouble(EpochReport::meanForegroundDice).toArray();
    }

    /**
     * The 0-based epochs of {@link #validationDiceCurve()}.
     *
     * @return the epochs
     */
    public int[] validationEpochs() {
        return history.stream().filter(EpochReport::validated).mapToInt(EpochReport::epoch).toArray();
    }
}
