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
    public TrainerOptions {
        java.util.Objects.requireNonNull(pipeline, "pipeline");
        java.util.Objects.requireNonNull(collapse, "collapse");
    }

    /** Default pipeline, automatic collapse detection without stop, no diagnostics. */
    public static TrainerOptions defaults() { return new TrainerOptions(PipelineOptions.defaults(), CollapsePolicy.auto(), false); }

    public TrainerOptions withPipeline(PipelineOptions p) { return new TrainerOptions(p, collapse, diagnostics); }

    public TrainerOptions withCollapse(CollapsePolicy c) { return new TrainerOptions(pipeline, c, diagnostics); }

    public TrainerOptions withDiagnostics(boolean d) { return new TrainerOptions(pipeline, collapse, d); }
}
