/** Helpers shared by the map implementations; not API. */
@NullMarked
package org.regionwise.maps.internal;

import org.jspecify.annotations.NullMarked;
