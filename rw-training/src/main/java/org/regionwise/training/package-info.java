/**
 * The engine-neutral training core: {@link org.regionwise.training.Trainer} runs the loop (patches, augmentation,
 * the loss's maps at every deep-supervision scale, a prefetching pipeline, validation with rw-metrics, checkpoints
 * {@code last} and {@code best}, {@code history.csv}, exact resume, the non-finite-loss stop, progress) for any
 * {@link org.regionwise.training.spi.Engine}; {@link org.regionwise.training.EngineBackend} turns an engine into a
 * {@link org.regionwise.core.backend.TrainingBackend}.
 */
@NullMarked
package org.regionwise.training;

import org.jspecify.annotations.NullMarked;
