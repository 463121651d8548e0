/**
 * Drawing helpers of the synthetic phantoms: irregular elliptic blobs, the canvas that renders labels into a noisy,
 * bias-corrupted image, and intensity normalisation.
 */
@NullMarked
package org.regionwise.examples.data.internal;

import org.jspecify.annotations.NullMarked;
