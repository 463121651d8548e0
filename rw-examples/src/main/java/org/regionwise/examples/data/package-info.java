/**
 * Datasets for the examples: embedded synthetic phantoms, the Colin27 MRI template and nnU-Net raw folders, each a {@link org.regionwise.core.backend.TrainingData} with a held-out test split.
 */
@NullMarked
package org.regionwise.examples.data;

import org.jspecify.annotations.NullMarked;
