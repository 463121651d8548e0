/**
 * Configuration of RegionWise: {@link org.regionwise.core.config.RegionWiseConfiguration} reads settings such as the
 * training backend from system properties, environment variables, a properties file and defaults, in that order.
 */
@NullMarked
package org.regionwise.core.config;

import org.jspecify.annotations.NullMarked;
