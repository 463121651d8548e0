package org.regionwise.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.regionwise.core.backend.EpochReport;

/**
 * Finds collapsed classes in a training history ({@link CollapsePolicy}): a foreground class {@code k >= 1} is
 * collapsed at a validated epoch when the model predicted it on no validation voxel
 * ({@link EpochReport#validationPredictedVoxels()} is 0) although the references hold it (its validation Dice is
 * defined, i.e. not NaN); it is flagged once {@code patience} consecutive validated epochs after the warm-up are
 * collapsed, and stays flagged while they remain so. A pure function of the history, so a resumed run rebuilds it.
 */
public final class CollapseDetector {
    private final CollapsePolicy policy;
    private final Map<Integer, Integer> run = new LinkedHashMap<>();
    private final Map<Integer, Integer> flaggedAt = new LinkedHashMap<>();

    /** @param policy a resolved policy (no automatic values) */
    public CollapseDetector(CollapsePolicy policy) {
        if (policy.warmupEpochs() < 0 || policy.patience() < 1) throw new IllegalArgumentException("resolve the policy first: " + policy);
        this.policy = policy;
    }

    /**
     * Feeds the next epoch; returns the classes flagged by this epoch (each class is returned once per run).
     *
     * @param r the epoch's report
     * @return the newly flagged classes
     */
    public List<Integer> update(EpochReport r) {
        List<Integer> flagged = new ArrayList<>();
        if (!r.validated() || r.validationPredictedVoxels().isEmpty()) return flagged;
        int classes = r.validationDice().size();
        for (int k = 1; k < classes; k++) {
            boolean collapsed = r.epoch() >= policy.warmupEpochs() && r.validationPredictedVoxels().get(k) == 0
                    && !Double.isNaN(r.validationDice().get(k));
            int n = collapsed ? run.getOrDefault(k, 0) + 1 : 0;
            run.put(k, n);
            if (n >= policy.patience() && !flaggedAt.containsKey(k)) {
                flaggedAt.put(k, r.epoch());
                flagged.add(k);
            }
        }
        return flagged;
    }

    /**
     * The classes collapsed now (flagged, and collapsed at the last validation).
     *
     * @return the classes
     */
    public List<Integer> collapsedNow() {
        List<Integer> out = new ArrayList<>();
        for (var e : flaggedAt.entrySet()) if (run.getOrDefault(e.getKey(), 0) > 0) out.add(e.getKey());
        return out;
    }

    /**
     * Class -> the 0-based epoch at which it was first flagged.
     *
     * @return the flags
     */
    public Map<Integer, Integer> flagged() { return Map.copyOf(flaggedAt); }

    /**
     * The classes ever flagged over {@code history} under {@code policy}, with the epoch of the flag.
     *
     * @param history the epoch reports
     * @param policy the collapse policy
     * @return the flagged classes with their epochs
     */
    public static Map<Integer, Integer> scan(List<EpochReport> history, CollapsePolicy policy) {
        CollapseDetector d = new CollapseDetector(policy);
        for (EpochReport r : history) d.update(r);
        return d.flagged();
    }

    /**
     * The log line for class {@code k} called {@code name}: how long it was predicted nowhere and what to try.
     *
     * @param k the class
     * @param name its name
     * @param epoch the epoch of the flag
     * @return the line
     */
    public String message(int k, String name, int epoch) {
        return "class " + k + " '" + name + "' predicted nowhere on validation for " + policy.patience()
                + " validations (epoch " + (epoch + 1) + "): the model collapsed to the other classes; try --loss gradual-rrw-dice (the paper's Dice-then-RRW schedule, RRW alone from epoch 100), gradual@0.1:dice,rrw for a short run, or a longer run";
    }
}
