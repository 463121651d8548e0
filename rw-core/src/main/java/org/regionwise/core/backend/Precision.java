package org.regionwise.core.backend;

import java.util.Locale;

/**
 * The arithmetic a backend runs its network in, as automatic mixed precision (AMP) means it: the weights, the
 * optimiser's state, the normalisations, the loss and the RW maps stay in float32 (master weights) in every mode.
 */
public enum Precision {
    /** Everything in IEEE float32 (the default). */
    FP32,
    /**
     * Convolutions (and transposed convolutions) in bfloat16: their inputs and kernels are rounded to bfloat16 (8 bits
     * of mantissa), oneDNN accumulates in float32, and the result is float32 again; the output heads stay float32.
     * Fast where the CPU has AVX512-BF16 or AMX.
     */
    BF16;

    /**
     * The name as the command line and configuration write it.
     *
     * @return {@code fp32} or {@code bf16}
     */
    public String key() { return name().toLowerCase(Locale.ROOT); }

    /**
     * Reads {@link #key()} back (case and blanks ignored).
     *
     * @param text {@code fp32} or {@code bf16}
     * @return the precision
     * @throws IllegalArgumentException for anything else, naming the choices
     */
    public static Precision parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Precision p : values()) if (p.key().equals(t)) return p;
        throw new IllegalArgumentException("unknown precision '" + text + "'; choose fp32 or bf16");
    }
}
