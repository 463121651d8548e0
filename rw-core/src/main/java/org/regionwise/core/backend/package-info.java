/**
 * The service-provider interface of training backends. A backend builds a model from a
 * {@link org.regionwise.core.backend.ModelSpec}, trains it under a {@link org.regionwise.core.backend.TrainingPlan}
 * on {@link org.regionwise.core.backend.TrainingData}, reports through a
 * {@link org.regionwise.core.backend.TrainingListener}, and returns a {@link org.regionwise.core.backend.TrainedModel}
 * that predicts, saves and exports. Nothing outside this package is needed to drive a backend.
 */
@NullMarked
package org.regionwise.core.backend;

import org.jspecify.annotations.NullMarked;
