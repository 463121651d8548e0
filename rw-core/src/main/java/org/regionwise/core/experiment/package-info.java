/**
 * The fluent experiment API: {@code RegionWise.experiment().data(d).loss(l).model(m)...build()} yields an immutable
 * {@link org.regionwise.core.experiment.Experiment} that {@code run()}s on a training backend and returns the
 * trained model. The required steps (data, loss, model) are enforced by the staged interfaces of
 * {@link org.regionwise.core.experiment.ExperimentBuilder}; everything after the model is optional with the paper's
 * defaults. {@link org.regionwise.core.experiment.UNet} and {@link org.regionwise.core.experiment.Adam} describe the
 * network and the optimiser.
 */
@NullMarked
package org.regionwise.core.experiment;

import org.jspecify.annotations.NullMarked;
