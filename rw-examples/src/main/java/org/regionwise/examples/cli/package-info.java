/**
 * The {@code rw} command line: train, predict and compare.
 */
@NullMarked
package org.regionwise.examples.cli;

import org.jspecify.annotations.NullMarked;
