/**
 * Guice wiring: {@link org.regionwise.core.inject.RegionWiseCoreModule} creates the map binders other modules
 * contribute to (named losses, named maps, named training backends) and provides the configured backend.
 */
@NullMarked
package org.regionwise.core.inject;

import org.jspecify.annotations.NullMarked;
