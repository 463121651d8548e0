package org.regionwise.training;

/**
 * Input-pipeline settings: batch-building worker threads and prefetch depth (batches). Batches depend only on
 * {@code (seed, epoch, step)}, so the settings change speed, never results.
 *
 * @param workers  threads that build batches; 0 builds them on the training thread
 * @param prefetch batches queued ahead (at least 1)
 */
public record PipelineOptions(int workers, int prefetch) {
    /**
     * Checks {@code workers >= 0} and {@code prefetch >= 1}.
     *
     * @param workers threads that build batches; 0 builds them on the training thread
     * @param prefetch batches queued ahead (at least 1)
     */
    public PipelineOptions {
        if (workers < 0) throw new IllegalArgumentException("pipeline workers must be >= 0, got " + workers);
        if (prefetch < 1) throw new IllegalArgumentException("prefetch must be >= 1, got " + prefetch);
    }

    /**
     * Half the cores (at least 1) build batches, 2 batches per worker ahead plus 2.
     *
     * @return the options
     */
    public static PipelineOptions defaults() {
        int w = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        return new PipelineOptions(w, 2 * w + 2);
    }
}
