package org.regionwise.metrics.curves;

/**
 * Instability of one training curve (one value per evaluation, e.g. validation Dice per epoch). See
 * {@link TrainingCurveInstability#of} for the definitions.
 *
 * @param points          number of evaluations in the curve
 * @param dropThreshold   the threshold a drop's depth had to exceed to be counted
 * @param drops           number of drop episodes deeper than the threshold
 * @param maxDropDepth    depth of the deepest drop episode (counted or not); 0 when the curve never decreases
 * @param totalDropDepth  sum of the depths of the counted drops
 * @param maxDrawdown     {@code max_t (max_{s<=t} c_s - c_t)}: the largest fall below the best value so far
 * @param totalVariation  {@code sum_t |c_{t+1} - c_t|}
 * @param meanAbsoluteStep total variation divided by the number of steps ({@code points - 1}); 0 for one point
 */
public record Instability(int points, double dropThreshold, int drops, double maxDropDepth, double totalDropDepth,
                          double maxDrawdown, double totalVariation, double meanAbsoluteStep) {}
