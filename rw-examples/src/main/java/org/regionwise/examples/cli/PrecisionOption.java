package org.regionwise.examples.cli;

import org.regionwise.core.backend.Precision;
import picocli.CommandLine.Option;

/** {@code --precision}, shared by {@code rw train}, {@code rw predict} and {@code rw compare}. */
final class PrecisionOption {
    @Option(names = "--precision", paramLabel = "P", defaultValue = "fp32",
            description = "Network arithmetic: fp32, or bf16 (convolutions in bfloat16, weights, optimiser, norms and loss in "
                    + "float32; TensorFlow engine only; 0.78x the fp32 step on this CPU) (default: ${DEFAULT-VALUE}).")
    Precision value = Precision.FP32;
}
