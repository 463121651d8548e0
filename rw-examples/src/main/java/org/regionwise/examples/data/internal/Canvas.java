package org.regionwise.examples.data.internal;

import java.util.Random;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;

/**
 * A square 2D canvas on which a phantom paints tissue intensities and labels, then turns them into an MR-like image:
 * {@code I = (T * B) + N}, with tissue intensities {@code T} (including a mild per-pixel texture), a smooth
 * multiplicative bias field {@code B = exp(s * q(u, v))} ({@code q} a random quadratic in normalised coordinates
 * {@code u, v in [-1, 1]}, so B stays within {@code [exp(-2s), exp(2s)]}) and white Gaussian noise {@code N}; finally
 * the image is z-score normalised ({@code (I - mean) / std} over the whole image).
 */
public final class Canvas {
    private final int size;
    private final float[] tissue;
    private final int[] labels;

    public Canvas(int size) {
        if (size < 16) throw new IllegalArgumentException("phantom size must be >= 16 pixels, got " + size);
        this.size = size;
        this.tissue = new float[size * size];
        this.labels = new int[size * size];
    }

    public int size() { return size; }

    /** Paints {@code intensity} (and {@code label} when {@code label >= 0}) on every pixel inside {@code region}. */
    public void paint(Region region, double intensity, int label) {
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (region.contains(x + 0.5, y + 0.5)) {
                    int i = x + size * y;
                    tissue[i] = (float) intensity;
                    if (label >= 0) labels[i] = label;
                }
            }
        }
    }

    /** The label currently at pixel {@code (x, y)}. */
    public int labelAt(int x, int y) { return labels[x + size * y]; }

    /** A predicate on pixel centres. */
    @FunctionalInterface
    public interface Region {
        boolean contains(double x, double y);
    }

    /**
     * Renders the image: texture, bias field, noise and z-score normalisation.
     *
     * @param texture    standard deviation of the per-pixel tissue texture (multiplicative, before the bias field)
     * @param biasStrength s in {@code B = exp(s * q)}
     * @param noise      standard deviation of the additive Gaussian noise (tissue units)
     * @param spacingMm  pixel spacing in mm (isotropic)
     */
    public Sample render(String id, Random r, double texture, double biasStrength, double noise, double spacingMm) {
        int n = size * size;
        double[] q = new double[5];
        for (int k = 0; k < q.length; k++) q[k] = 2 * r.nextDouble() - 1;
        double qNorm = Math.abs(q[0]) + Math.abs(q[1]) + Math.abs(q[2]) + Math.abs(q[3]) + Math.abs(q[4]);
        float[] img = new float[n];
        for (int y = 0; y < size; y++) {
            double v = 2.0 * (y + 0.5) / size - 1;
            for (int x = 0; x < size; x++) {
                double u = 2.0 * (x + 0.5) / size - 1;
                double quad = (q[0] * u + q[1] * v + q[2] * u * v + q[3] * u * u + q[4] * v * v) / qNorm * 2;
                double bias = Math.exp(biasStrength * quad);
                int i = x + size * y;
                double t = tissue[i] * (1 + texture * r.nextGaussian());
                img[i] = (float) (t * bias + noise * r.nextGaussian());
            }
        }
        Intensities.zScore(img);
        Grid grid = Grid.of(new int[] {size, size}, new double[] {spacingMm, spacingMm});
        return new Sample(id, new FloatImage(grid, img), new LabelImage(grid, labels.clone()));
    }
}
