/** Internals of the training core: patch sampler, augmentation, batch factory and pipeline, checkpoints, history, prediction. */
@NullMarked
package org.regionwise.training.internal;

import org.jspecify.annotations.NullMarked;
