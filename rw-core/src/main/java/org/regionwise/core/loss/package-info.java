/**
 * Immutable loss descriptions ({@link org.regionwise.core.loss.LossSpec}, built with
 * {@link org.regionwise.core.loss.Losses}). Every backend lowers these to its own operations and is tested against
 * the pure-Java reference of their value and gradient.
 */
@NullMarked
package org.regionwise.core.loss;

import org.jspecify.annotations.NullMarked;
