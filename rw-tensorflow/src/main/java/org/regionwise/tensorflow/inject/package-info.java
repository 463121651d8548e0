/** Guice wiring of the TensorFlow backend. */
@NullMarked
package org.regionwise.tensorflow.inject;

import org.jspecify.annotations.NullMarked;
