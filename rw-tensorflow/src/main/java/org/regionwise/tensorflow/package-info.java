/**
 * The TensorFlow Java 1.1.0 training backend: {@link org.regionwise.tensorflow.TensorFlowBackend} builds a 2D U-Net
 * in graph mode, lowers every {@link org.regionwise.core.loss.LossSpec} to graph operations, trains it with Adam,
 * a poly learning-rate schedule and global-norm gradient clipping, and returns a model that predicts, saves,
 * resumes and exports a SavedModel. Implementation details live in {@code internal}.
 */
@NullMarked
package org.regionwise.tensorflow;

import org.jspecify.annotations.NullMarked;
