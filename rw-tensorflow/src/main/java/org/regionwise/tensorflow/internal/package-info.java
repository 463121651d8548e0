/** Internals of the TensorFlow engine: graph builders, losses as graph ops, Adam, tensor scope. */
@NullMarked
package org.regionwise.tensorflow.internal;

import org.jspecify.annotations.NullMarked;
