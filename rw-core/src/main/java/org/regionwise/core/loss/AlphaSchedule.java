package org.regionwise.core.loss;

/**
 * The weight schedule of a gradual combination {@code alpha(e) L1 + (1 - alpha(e)) L2}:
 * {@code alpha(e) = max(start - step * e, floor)} for 0-based epoch {@code e}.
 * The paper (after Kervadec et al.) uses start 1, step 0.01, floor 0.01, i.e. {@code max((100 - e)/100, 0.01)}.
 *
 * @param start alpha at epoch 0, in [0, 1]
 * @param step the decrease per epoch, at least 0
 * @param floor the smallest alpha, in [0, 1]
 */
public record AlphaSchedule(double start, double step, double floor) {
    /**
     * Checks that start and floor lie in [0, 1] and that the step is finite and non-negative.
     *
     * @param start alpha at epoch 0, in [0, 1]
     * @param step the decrease per epoch, at least 0
     * @param floor the smallest alpha, in [0, 1]
     */
    public AlphaSchedule {
        if (!(start >= 0 && start <= 1) || !(floor >= 0 && floor <= 1) || !(step >= 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("alpha schedule needs start, floor in [0, 1] and step >= 0, got start=" + start
                    + ", step=" + step + ", floor=" + floor);
        }
    }

    /**
     * The paper's schedule {@code max((100 - e)/100, 0.01)}.
     *
     * @return the schedule
     */
    public static AlphaSchedule paper() { return new AlphaSchedule(1.0, 0.01, 0.01); }

    /**
     * {@code alpha} at 0-based epoch {@code epoch}.
     *
     * @param epoch the 0-based epoch
     * @return {@code max(start - step * epoch, floor)}
     */
    public double alpha(int epoch) { return Math.max(start - step * epoch, floor); }
}
