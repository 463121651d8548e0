package org.regionwise.examples.report;

import org.regionwise.core.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Line plots of per-epoch curves (one series per loss) written as PNG with XChart. */
public final class CurvePlots {
    private CurvePlots() {}

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /**
     * One curve: x values (epochs, 1-based) and y values.
     *
     * @param x the x values
     * @param y one y value per x value
     */
    public record Series(double[] x, double[] y) {
        /**
         * Checks that there are as many x as y values.
         *
         * @param x the x values
         * @param y one y value per x value
         */
        public Series {
            if (x.length != y.length) throw new IllegalArgumentException("series has " + x.length + " x but " + y.length + " y values");
        }
    }

    /**
     * Writes a line chart of {@code series} (by legend name) to {@code file} (PNG, 800×500). Series with no finite
     * point are left out of the chart.
     *
     * @param file the PNG to write
     * @param title the chart's title
     * @param xLabel the x axis title
     * @param yLabel the y axis title
     * @param series the curves by legend name
     */
    public static void write(Path file, String title, String xLabel, String yLabel, Map<String, Series> series) {
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setMarkerSize(4);
        chart.getStyler().setPlotGridLinesVisible(true);
        boolean any = false;
        for (Map.Entry<String, Series> e : new LinkedHashMap<>(series).entrySet()) {
            Series s = finite(e.getValue());
            if (s.x().length == 0) continue;
            XYSeries xy = chart.addSeries(e.getKey(), s.x(), s.y());
            xy.setMarker(SeriesMarkers.CIRCLE);
            any = true;
        }
        if (!any) chart.addSeries("(no data)", new double[] {0}, new double[] {0});
        try {
            AtomicFiles.writeBytes(file, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + file + ": " + e.getMessage(), e);
        }
    }

    private static Series finite(Series s) {
        int n = 0;
        for (double v : s.y()) if (Double.isFinite(v)) n++;
        double[] x = new double[n], y = new double[n];
        int j = 0;
        for (int i = 0; i < s.y().length; i++) {
            if (Double.isFinite(s.y()[i])) { x[j] = s.x()[i]; y[j++] = s.y()[i]; }
        }
        return new Series(x, y);
    }
}
