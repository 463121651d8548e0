/** Guice wiring of the maps module: {@link org.regionwise.maps.inject.MapsModule}. */
@NullMarked
package org.regionwise.maps.inject;

import org.jspecify.annotations.NullMarked;
