/** Internals of the PyTorch engine: DJL start-up, parameters, the U-Net forward pass, losses, the Adam step, state files. */
@NullMarked
package org.regionwise.pytorch.internal;

import org.jspecify.annotations.NullMarked;
