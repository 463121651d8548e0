/**
 * Instability of training curves (e.g. validation Dice per epoch): drops, total variation, spread across runs.
 *
 * <p>These are <b>our own</b> measures. The paper (Valverde &amp; Tohka 2023) quantifies "optimization instability"
 * but its exact formula is not public; do not present these numbers as the paper's.
 */
@NullMarked
package org.regionwise.metrics.curves;

import org.jspecify.annotations.NullMarked;
