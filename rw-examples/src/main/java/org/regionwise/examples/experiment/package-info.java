/**
 * Training runs and their evaluation: settings, backends by name, per-case scores, comparisons over datasets, losses and seeds.
 */
@NullMarked
package org.regionwise.examples.experiment;

import org.jspecify.annotations.NullMarked;
