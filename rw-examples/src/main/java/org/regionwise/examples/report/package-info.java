/**
 * The comparison report: Markdown, CSV tables, validation-curve plots and prediction overlays.
 */
@NullMarked
package org.regionwise.examples.report;

import org.jspecify.annotations.NullMarked;
