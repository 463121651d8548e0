package org.regionwise.examples.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.LabelImage;

/**
 * Draws a 2D case as a row of panels: the grey image, the ground truth and the prediction, labels as semi-transparent
 * fills with opaque contours (a pixel is on the contour when one of its 4-neighbours has another label). The grey
 * window is the 1st–99th percentile of the image. Pixels are magnified by an integer factor with nearest-neighbour
 * sampling so that contours stay exact.
 */
public final class Overlays {
    private Overlays() {}

    private static final Color[] PALETTE = {
        new Color(230, 25, 75), new Color(60, 180, 75), new Color(0, 130, 200), new Color(255, 225, 25),
        new Color(245, 130, 48), new Color(145, 30, 180), new Color(70, 240, 240), new Color(240, 50, 230),
    };

    /**
     * The colour of class {@code k >= 1}.
     *
     * @param k the class
     * @return the colour
     */
    public static Color color(int k) { return PALETTE[(k - 1) % PALETTE.length]; }

    /**
     * Panels {@code image | ground truth | prediction} (prediction omitted when null), each titled.
     *
     * @param image the grey image
     * @param truth the ground truth
     * @param prediction the prediction, or {@code null}
     * @param scale magnification, >= 1
     * @param titles the panel titles
     * @return the image
     */
    public static BufferedImage panels(FloatImage image, LabelImage truth, @Nullable LabelImage prediction, int scale,
                                       List<String> titles) {
        List<@Nullable LabelImage> layers = new java.util.ArrayList<>();
        layers.add(null);
        layers.add(truth);
        if (prediction != null) layers.add(prediction);
        return row(image, layers, titles, scale);
    }

    /**
     * One panel per entry of {@code layers}: the grey image with that label image drawn over it (a null entry draws the
     * image alone), titled with the matching entry of {@code titles}.
     *
     * @param image the grey image
     * @param layers the label images, {@code null} entries allowed
     * @param titles one title per panel
     * @param scale magnification, >= 1
     * @return the image
     */
    public static BufferedImage row(FloatImage image, List<@Nullable LabelImage> layers, List<String> titles, int scale) {
        if (!image.grid().is2D()) throw new IllegalArgumentException("overlays need a 2D image, got " + image.grid().describeSize());
        if (scale < 1) throw new IllegalArgumentException("overlay scale must be >= 1, got " + scale);
        for (LabelImage l : layers) if (l != null) image.grid().requireSameShape(l.grid(), "overlay image vs labels");
        int nx = image.grid().size(0), ny = image.grid().size(1);
        int w = nx * scale, h = ny * scale, title = 14, gap = 4;
        int n = layers.size();
        BufferedImage out = new BufferedImage(n * w + (n - 1) * gap, h + title, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            int[] grey = grey(image);
            for (int p = 0; p < n; p++) {
                int ox = p * (w + gap);
                LabelImage l = layers.get(p);
                for (int y = 0; y < ny; y++) {
                    for (int x = 0; x < nx; x++) {
                        int i = x + nx * y;
                        int rgb = grey[i];
                        if (l != null && l.get(i) > 0) rgb = blend(rgb, color(l.get(i)), contour(l, x, y) ? 1.0 : 0.35);
                        for (int dy = 0; dy < scale; dy++) {
                            for (int dx = 0; dx < scale; dx++) out.setRGB(ox + x * scale + dx, title + y * scale + dy, rgb);
                        }
                    }
                }
                g.drawString(p < titles.size() ? titles.get(p) : "", ox + 2, title - 3);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    private static boolean contour(LabelImage l, int x, int y) {
        int nx = l.grid().size(0), ny = l.grid().size(1);
        int v = l.get(x, y);
        return (x > 0 && l.get(x - 1, y) != v) || (x < nx - 1 && l.get(x + 1, y) != v)
                || (y > 0 && l.get(x, y - 1) != v) || (y < ny - 1 && l.get(x, y + 1) != v);
    }

    private static int blend(int rgb, Color c, double a) {
        int r = (rgb >> 16) & 255, gg = (rgb >> 8) & 255, b = rgb & 255;
        r = (int) Math.round((1 - a) * r + a * c.getRed());
        gg = (int) Math.round((1 - a) * gg + a * c.getGreen());
        b = (int) Math.round((1 - a) * b + a * c.getBlue());
        return (r << 16) | (gg << 8) | b;
    }

    /** Grey RGB per pixel, window = 1st..99th percentile. */
    private static int[] grey(FloatImage image) {
        float[] v = image.data();
        float[] sorted = v.clone();
        java.util.Arrays.sort(sorted);
        double lo = sorted[(int) Math.floor(0.01 * (sorted.length - 1))];
        double hi = sorted[(int) Math.ceil(0.99 * (sorted.length - 1))];
        if (!(hi > lo)) hi = lo + 1;
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            double t = Float.isFinite(v[i]) ? (v[i] - lo) / (hi - lo) : 0;
            int gv = (int) Math.round(255 * Math.max(0, Math.min(1, t)));
            out[i] = (gv << 16) | (gv << 8) | gv;
        }
        return out;
    }
}
