/** Writers for evaluation results: CSV, JSON and a plain-text table. Files are written atomically (temp + rename). */
@NullMarked
package org.regionwise.metrics.report;

import org.jspecify.annotations.NullMarked;
