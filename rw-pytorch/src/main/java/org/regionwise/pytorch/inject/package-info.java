/** Guice wiring of the PyTorch backend. */
@NullMarked
package org.regionwise.pytorch.inject;

import org.jspecify.annotations.NullMarked;
