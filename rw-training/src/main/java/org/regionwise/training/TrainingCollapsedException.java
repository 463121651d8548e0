package org.regionwise.training;

import java.util.List;

/**
 * Training stopped because a foreground class collapsed ({@link CollapsePolicy} with {@code stop}): the model
 * predicted it nowhere on validation for the policy's patience. The last checkpoint holds the collapsed epoch.
 */
public final class TrainingCollapsedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    /** The 0-based epoch of the flag. */
    private final int epoch;
    /** The collapsed classes. */
    private final List<Integer> classes;

    /**
     * A collapse of {@code classes} flagged at {@code epoch}.
     *
     * @param message the message
     * @param epoch the 0-based epoch
     * @param classes the collapsed classes
     */
    public TrainingCollapsedException(String message, int epoch, List<Integer> classes) {
        super(message);
        this.epoch = epoch;
        this.classes = List.copyOf(classes);
    }

    /**
     * 0-based epoch at which the collapse was flagged.
     *
     * @return the epoch
     */
    public int epoch() { return epoch; }

    /**
     * The collapsed classes.
     *
     * @return the classes
     */
    public List<Integer> classes() { return classes; }
}
