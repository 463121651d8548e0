package org.regionwise.training;

/**
 * When a model counts as collapsed: after {@code warmupEpochs}, a foreground class present in the validation
 * references that the model predicts on no validation voxel for {@code patience} consecutive validations. With
 * {@code stop}, training ends there ({@link TrainingCollapsedException}); otherwise it is logged once per class and
 * recorded in {@code history.csv}.
 *
 * <p>{@link #auto()} resolves against the plan ({@link #resolve}): warm-up {@code ceil(epochs / 5)} epochs, patience
 * {@code max(3, ceil(validations / 5))} validations, where {@code validations = ceil(epochs / validateEvery)}. For the
 * {@code rw train} default of 30 epochs validated every epoch that is 6 and 6: the earliest flag is after epoch 12.
 *
 * @param warmupEpochs epochs before any validation counts ({@code -1}: automatic)
 * @param patience     consecutive collapsed validations that flag a class ({@code -1}: automatic)
 * @param stop         end training when a class is flagged
 */
public record CollapsePolicy(int warmupEpochs, int patience, boolean stop) {
    /**
     * Checks a warm-up of at least 0 epochs and a patience of at least 1 validation (-1 for either: automatic).
     *
     * @param warmupEpochs epochs before any validation counts ({@code -1}: automatic)
     * @param patience consecutive collapsed validations that flag a class ({@code -1}: automatic)
     * @param stop end training when a class is flagged
     */
    public CollapsePolicy {
        if (warmupEpochs < -1) throw new IllegalArgumentException("collapse warm-up must be >= 0 epochs (or -1 for automatic), got " + warmupEpochs);
        if (patience == 0 || patience < -1) throw new IllegalArgumentException("collapse patience must be >= 1 validations (or -1 for automatic), got " + patience);
    }

    /**
     * Automatic warm-up and patience, no stop.
     *
     * @return the policy
     */
    public static CollapsePolicy auto() { return new CollapsePolicy(-1, -1, false); }

    /**
     * The same policy ending the run at the first flagged class.
     *
     * @param stopOnCollapse whether a flag ends the run
     * @return the policy
     */
    public CollapsePolicy stopping(boolean stopOnCollapse) { return new CollapsePolicy(warmupEpochs, patience, stopOnCollapse); }

    /**
     * Automatic values replaced by the rule for a plan of {@code epochs} validated every {@code validateEvery}.
     *
     * @param epochs the planned epochs
     * @param validateEvery the validation interval
     * @return the resolved policy
     */
    public CollapsePolicy resolve(int epochs, int validateEvery) {
        int validations = (epochs + validateEvery - 1) / validateEvery;
        int w = warmupEpochs >= 0 ? warmupEpochs : (epochs + 4) / 5;
        int p = patience >= 1 ? patience : Math.max(3, (validations + 4) / 5);
        return new CollapsePolicy(w, p, stop);
    }
}
