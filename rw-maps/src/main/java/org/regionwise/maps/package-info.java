/**
 * Region-wise maps (Valverde &amp; Tohka, Pattern Recognition 136 (2023) 109208): every map of the paper as a
 * {@link org.regionwise.core.map.RegionWiseMap}, created from a {@link org.regionwise.core.map.MapSpec} by
 * {@link org.regionwise.maps.RegionWiseMaps#create}; {@link org.regionwise.maps.MultiScaleMaps} for deep supervision;
 * {@link org.regionwise.maps.StabilityDiagnostic} to check the stability principle on any map.
 */
@NullMarked
package org.regionwise.maps;

import org.jspecify.annotations.NullMarked;
