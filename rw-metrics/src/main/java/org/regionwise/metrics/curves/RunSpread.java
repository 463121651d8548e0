package org.regionwise.metrics.curves;

/**
 * Spread of several runs of the same training over their last epochs. See {@link TrainingCurveInstability#acrossRuns}.
 *
 * @param runs                 number of runs
 * @param lastEpochs           N, the number of final evaluations considered
 * @param meanStdAcrossRuns    mean over the last N epochs of the sample standard deviation across runs at that epoch
 * @param maxStdAcrossRuns     maximum over the last N epochs of that standard deviation
 * @param stdOfRunMeans        sample standard deviation across runs of each run's mean over its last N epochs
 * @param runMeans             each run's mean over its last N epochs (a copy)
 */
public record RunSpread(int runs, int lastEpochs, double meanStdAcrossRuns, double maxStdAcrossRuns,
                        double stdOfRunMeans, double[] runMeans) {

    /**
     * Copies the run means.
     *
     * @param runs number of runs
     * @param lastEpochs N, the number of final evaluations considered
     * @param meanStdAcrossRuns mean over the last N epochs of the sample standard deviation across runs at that epoch
     * @param maxStdAcrossRuns maximum over the last N epochs of that standard deviation
     * @param stdOfRunMeans sample standard deviation across runs of each run's mean over its last N epochs
     * @param runMeans each run's mean over its last N epochs (a copy)
     */
    public RunSpread {
        runMeans = runMeans.clone();
    }

    /**
     * The mean of each run over the last epochs.
     *
     * @return a copy, one value per run
     */
    @Override public double[] runMeans() { return runMeans.clone(); }
}
