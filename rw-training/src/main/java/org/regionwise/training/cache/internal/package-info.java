/** Internals of the case cache: binary16 conversion. */
@NullMarked
package org.regionwise.training.cache.internal;

import org.jspecify.annotations.NullMarked;
