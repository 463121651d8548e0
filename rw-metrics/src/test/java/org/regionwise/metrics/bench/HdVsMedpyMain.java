package org.regionwise.metrics.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.metrics.CaseEvaluation;
import org.regionwise.metrics.EvaluationOptions;
import org.regionwise.metrics.Metric;
import org.regionwise.metrics.Metrics;

/**
 * The Java side of rw-metrics/bench/hd-vs-medpy.sh: reads two uint8 raw masks (x fastest) and prints, as one JSON
 * line, our HD (and HD95, ASSD) with the time of the first (cold) call and the best of the following warm calls.
 *
 * <p>Usage: {@code HdVsMedpyMain PRED.raw REF.raw NX,NY,NZ SX,SY,SZ REPEATS}
 */
public final class HdVsMedpyMain {
    private HdVsMedpyMain() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            System.err.println("usage: HdVsMedpyMain PRED.raw REF.raw NX,NY,NZ SX,SY,SZ [REPEATS]");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        int[] size = Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
        double[] spacing = Arrays.stream(args[3].split(",")).mapToDouble(Double::parseDouble).toArray();
        int repeats = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        Grid g = Grid.of(size, spacing);
        LabelImage pred = read(Path.of(args[0]), g);
        LabelImage ref = read(Path.of(args[1]), g);
        double readSeconds = (System.nanoTime() - t0) / 1e9;

        long c0 = System.nanoTime();
        double hd = Metrics.hausdorff(pred, ref, 1);
        double cold = (System.nanoTime() - c0) / 1e9;
        double warm = Double.POSITIVE_INFINITY;
        for (int i = 0; i < repeats; i++) {
            long w0 = System.nanoTime();
            Metrics.hausdorff(pred, ref, 1);
            warm = Math.min(warm, (System.nanoTime() - w0) / 1e9);
        }
        EvaluationOptions three = EvaluationOptions.defaults().withMetrics(EnumSet.of(Metric.HAUSDORFF, Metric.HAUSDORFF95,
                Metric.AVERAGE_SYMMETRIC_SURFACE_DISTANCE));
        double warmThree = Double.POSITIVE_INFINITY;
        CaseEvaluation e = null;
        for (int i = 0; i < Math.max(1, repeats); i++) {
            long w0 = System.nanoTime();
            e = Metrics.evaluate("bench", pred, ref, new int[] {1}, three);
            warmThree = Math.min(warmThree, (System.nanoTime() - w0) / 1e9);
        }
        System.out.println(String.format(Locale.ROOT,
                "{\"hd\": %.17g, \"hd95\": %.17g, \"assd\": %.17g, \"read_seconds\": %.4f, \"cold_seconds\": %.4f, "
                        + "\"seconds\": %.4f, \"seconds_hd_hd95_assd\": %.4f, \"threads\": %d}",
                hd, e.value(1, Metric.HAUSDORFF95), e.value(1, Metric.AVERAGE_SYMMETRIC_SURFACE_DISTANCE), readSeconds,
                cold, warm, warmThree, Runtime.getRuntime().availableProcessors()));
    }

    private static LabelImage read(Path p, Grid g) throws IOException {
        byte[] b = Files.readAllBytes(p);
        if (b.length != g.voxelCount()) {
            throw new IllegalArgumentException(p + " has " + b.length + " bytes, expected " + g.voxelCount() + " for " + g.describeSize());
        }
        int[] d = new int[b.length];
        for (int i = 0; i < b.length; i++) d[i] = b[i] != 0 ? 1 : 0;
        return new LabelImage(g, d);
    }
}
