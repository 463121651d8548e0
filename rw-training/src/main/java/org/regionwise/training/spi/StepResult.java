package org.regionwise.training.spi;

/**
 * The result of one optimiser step.
 *
 * @param loss         the loss before the update
 * @param gradientNorm the global L2 norm of the gradient before clipping
 */
public record StepResult(double loss, double gradientNorm) {}
