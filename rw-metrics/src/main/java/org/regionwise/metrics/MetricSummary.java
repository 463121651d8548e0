package org.regionwise.metrics;

/**
 * Statistics of one (class, metric) over cases. Only defined values (not NaN) enter the statistics; undefined and
 * skipped ones are counted, never averaged as 0. An infinite value (policy {@link EmptyMaskPolicy#INFINITY}) makes
 * the mean infinite and the standard deviation NaN, on purpose.
 *
 * @param label     class label
 * @param metric    metric
 * @param cases     number of cases that have this (class, metric) as a value or as skipped
 * @param defined   values that are not NaN (these enter the statistics)
 * @param undefined NaN values (each has a reason in its case)
 * @param skipped   entries skipped under {@link EmptyMaskPolicy#SKIP}
 * @param mean      mean of the defined values; NaN when there are none
 * @param std       sample standard deviation (n - 1) of the defined values; NaN when fewer than 2 (Commons Math gives
 *                  0 for one value, we report NaN: one case has no spread to estimate)
 * @param median    median (average of the two middle values for an even count); NaN when none
 * @param min       minimum; NaN when none
 * @param max       maximum; NaN when none
 */
public record MetricSummary(int label, Metric metric, int cases, int defined, int undefined, int skipped,
                            double mean, double std, double median, double min, double max) {}
