/** Guice wiring of rw-metrics: the named metrics and the default evaluation options. */
@NullMarked
package org.regionwise.metrics.inject;

import org.jspecify.annotations.NullMarked;
