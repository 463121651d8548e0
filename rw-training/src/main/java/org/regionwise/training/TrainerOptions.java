package org.regionwise.training;

/**
 * How the {@link Trainer} runs, beyond the plan: the input pipeline, the collapse policy, and whether to record the
 * gradient diagnostics ({@code diagnostics.csv}, see {@link GradientDiagnostics}) at every validation.
 *
 * @param pipeline    batch-building workers and prefetch depth
 * @param collapse    when a model counts as collapsed and whether that ends the run
 * @param diagnostics record per-class gradient norms at the logits and low-probability fractions
 */
public record TrainerOptions(PipelineOptions pipeline, CollapsePolicy collapse, boolean diagnostics) {
    /**
     * Checks that the pipeline and collapse policy are given.
     *
     * @param pipeline batch-building workers and prefetch depth
     * @param collapse when a model counts as collapsed and whether that ends the run
     * @param diagnostics record per-class gradient norms at the logits and low-probability fractions
     */
    public TrainerOptions {
        java.util.Objects.requireNonNull(pipeline, "pipeline");
        java.util.Objects.requireNonNull(collapse, "collapse");
    }

    /**
     * Default pipeline, automatic collapse detection without stop, no diagnostics.
     *
     * @return the options
     */
    public static TrainerOptions defaults() { return new TrainerOptions(PipelineOptions.defaults(), CollapsePolicy.auto(), false); }

    /**
     * These options with another pipeline.
     *
     * @param p the pipeline options
     * @return new options
     */
    public TrainerOptions withPipeline(PipelineOptions p) { return new TrainerOptions(p, collapse, diagnostics); }

    /**
     * These options with another collapse policy.
     *
     * @param c the policy
     * @return new options
     */
    public TrainerOptions withCollapse(CollapsePolicy c) { return new TrainerOptions(pipeline, c, diagnostics); }

    /**
     * These options with diagnostics on or off.
     *
     * @param d whether to write gradient diagnostics
     * @return new options
     */
    public TrainerOptions withDiagnostics(boolean d) { return new TrainerOptions(pipeline, collapse, d); }
}
