/**
 * The PyTorch engine through DJL 0.36 (PyTorch 2.7.1, CPU, linux-x86_64, offline):
 * {@link org.regionwise.pytorch.PyTorchEngine} implements rw-training's engine SPI with the same U-Net, losses and Adam
 * recipe as the TensorFlow engine, from the same initial weights; {@link org.regionwise.pytorch.PyTorchBackend} is it
 * driven by the engine-neutral trainer, registered as {@code "pytorch"}.
 */
@NullMarked
package org.regionwise.pytorch;

import org.jspecify.annotations.NullMarked;
