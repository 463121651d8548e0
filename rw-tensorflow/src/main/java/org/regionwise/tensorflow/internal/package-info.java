/** Internals of the TensorFlow backend: graph builders, tensor scope, input pipeline, trainer, checkpoints. */
@NullMarked
package org.regionwise.tensorflow.internal;

import org.jspecify.annotations.NullMarked;
