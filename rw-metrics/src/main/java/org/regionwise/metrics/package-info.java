/**
 * Segmentation metrics per class, in millimetres, with every convention explicit.
 *
 * <p>Entry point: {@link org.regionwise.metrics.Metrics} ({@code dice}, {@code hausdorff}, {@code hausdorff95},
 * {@code evaluate}). Spacing always comes from the <b>reference</b> image's grid. Surfaces follow medpy
 * ({@code mask XOR binary_erosion(mask)}, outside the image counts as background); HD95 pools both directions like
 * {@code medpy.metric.binary.hd95} unless {@link org.regionwise.metrics.PercentileConvention#MONAI_MAX_OF_DIRECTED}
 * is chosen. Undefined values are NaN with a recorded reason ({@link org.regionwise.metrics.MetricValue}); what an
 * empty mask does to a distance is an explicit {@link org.regionwise.metrics.EmptyMaskPolicy}. See rw-metrics/README.md.
 */
@NullMarked
package org.regionwise.metrics;

import org.jspecify.annotations.NullMarked;
