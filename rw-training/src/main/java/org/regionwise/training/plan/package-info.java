/**
 * Plans from the dataset, nnU-Net's habit: a {@link org.regionwise.training.plan.DatasetFingerprint} of the
 * training cases (median shape and spacing, intensity statistics, class frequencies) and the
 * {@link org.regionwise.training.plan.PlanRules} that turn it, with a time budget and a measured step time, into patch
 * size, batch size, U-Net depth and filters and the number of optimiser steps.
 */
@NullMarked
package org.regionwise.training.plan;

import org.jspecify.annotations.NullMarked;
