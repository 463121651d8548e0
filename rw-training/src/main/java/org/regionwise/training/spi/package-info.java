/**
 * The engine SPI: what an engine implements ({@link org.regionwise.training.spi.Engine},
 * {@link org.regionwise.training.spi.Network}, {@link org.regionwise.training.spi.TrainableNetwork}) and the
 * engine-neutral values it receives ({@link org.regionwise.training.spi.Batch}, deep-supervision scales, gradual
 * alphas, the {@code model.properties} file).
 */
@NullMarked
package org.regionwise.training.spi;

import org.jspecify.annotations.NullMarked;
