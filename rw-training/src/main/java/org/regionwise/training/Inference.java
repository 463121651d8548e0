package org.regionwise.training;

/**
 * How a trained network segments an image larger or smaller than its training patch (a 2D slice, or for a 3D
 * network a volume: windows are then cubes, their Gaussian the product of one per axis, and mirroring averages the 8
 * flips of x, y and z).
 *
 * <ul>
 *   <li><b>Whole image</b> ({@code window = 0}): the slice, zero-padded at the high end of each axis to a multiple of
 *       {@code 2^depth}, in one forward pass.</li>
 *   <li><b>Sliding window</b> ({@code window > 0}): nnU-Net's scheme. Square windows of {@code window} pixels (the
 *       training patch; a multiple of {@code 2^depth}) start at {@code ceil((n - window) / (step window)) + 1} evenly
 *       spaced positions per axis, first and last flush with the image; an image smaller than the window is zero-padded
 *       to it. Each window's softmax is weighted by a Gaussian importance map (σ = window / 8 per axis, centred,
 *       maximum 1) and the weighted sum is divided by the summed weights, so the centre of a window, where the
 *       network saw context on every side, counts most. Memory: one window and the output.</li>
 *   <li><b>Mirroring</b> (test-time augmentation, {@code mirror}): each pass also runs on the input flipped along x,
 *       along y and along both; each output is flipped back and the four are averaged (nnU-Net's mirroring in 2D).</li>
 * </ul>
 *
 * <p>Reference: Isensee et al., nnU-Net, Nature Methods 18 (2021), predict_sliding_window_return_logits and
 * compute_gaussian (σ scale 1/8).
 *
 * @param window the window edge in pixels, or 0 for whole-image prediction
 * @param step   the step between windows as a fraction of the window, in (0, 1] (nnU-Net: 0.5)
 * @param mirror whether to average over the four mirrorings
 */
public record Inference(int window, double step, boolean mirror) {
    /** Whole-image prediction, no mirroring: what {@code predict} does by default. */
    public static final Inference WHOLE_IMAGE = new Inference(0, 0.5, false);

    /**
     * Checks the values.
     *
     * @param window 0 or a positive edge
     * @param step in (0, 1]
     * @param mirror whether to mirror
     */
    public Inference {
        if (window < 0) throw new IllegalArgumentException("the sliding window must be >= 0 pixels (0: whole image), got " + window);
        if (!(step > 0 && step <= 1)) throw new IllegalArgumentException("the sliding-window step must be in (0, 1], got " + step);
    }

    /**
     * A sliding window of {@code window} pixels with nnU-Net's step 0.5, no mirroring.
     *
     * @param window the window edge (the training patch)
     * @return the inference
     */
    public static Inference slidingWindow(int window) {
        if (window < 1) throw new IllegalArgumentException("the sliding window must be >= 1 pixel, got " + window);
        return new Inference(window, 0.5, false);
    }

    /**
     * This inference with mirroring on or off.
     *
     * @param on whether to average over the four mirrorings
     * @return the inference
     */
    public Inference withMirroring(boolean on) { return new Inference(window, step, on); }

    /**
     * This inference with another step.
     *
     * @param s the step as a fraction of the window
     * @return the inference
     */
    public Inference withStep(double s) { return new Inference(window, s, mirror); }
}
