/**
 * Loss names on the command line ({@code rrw}, {@code ce}, {@code rrw+ce}, {@code gradual:dice,rrw}) and their {@link org.regionwise.core.loss.LossSpec}.
 */
@NullMarked
package org.regionwise.examples.losses;

import org.jspecify.annotations.NullMarked;
