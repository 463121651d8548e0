/** Internals of the case cache: binary16 conversion, and the z-score statistics every training path shares. */
@NullMarked
package org.regionwise.training.cache.internal;

import org.jspecify.annotations.NullMarked;
