package org.regionwise.metrics.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.metrics.CaseEvaluation;
import org.regionwise.metrics.EvaluationOptions;
import org.regionwise.metrics.Metrics;
import org.regionwise.metrics.internal.DistanceFields;
import org.regionwise.metrics.internal.SurfacePairDistances;

/**
 * JMH benchmarks of the surface distances on a 3D volume with spacing 2×1×1 mm: an ellipsoid reference and a shifted,
 * rescaled prediction (label 1), plus two smaller structures (labels 2, 3) for the multi-class evaluation. Compares
 * the adaptive choice with the k-d tree and the dense transform alone. Run {@link #main} from the test classpath.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class HausdorffBenchmark {

    @State(Scope.Benchmark)
    public static class Volumes {
        @Param({"128"})
        public int side;
        LabelImage prediction;
        LabelImage reference;

        @Setup(Level.Trial)
        public void setUp() {
            Grid g = Grid.of(new int[] {side, side, side}, new double[] {2, 1, 1});
            reference = new LabelImage(g, labels(side, 0.0, 1.0));
            prediction = new LabelImage(g, labels(side, 0.03, 1.06));
        }
    }

    /** Label 1: an ellipsoid; 2 and 3: small balls; {@code shift} and {@code scale} perturb all of them. */
    static int[] labels(int n, double shift, double scale) {
        int[] d = new int[n * n * n];
        double c = n / 2.0 + shift * n;
        int i = 0;
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++, i++) {
                    double ex = (x - c) / (0.30 * n * scale);
                    double ey = (y - c) / (0.35 * n);
                    double ez = (z - n / 2.0) / (0.28 * n);
                    if (ex * ex + ey * ey + ez * ez <= 1) d[i] = 1;
                    double bx = x - 0.2 * n - shift * n;
                    double by = y - 0.2 * n;
                    double bz = z - 0.2 * n;
                    if (bx * bx + by * by + bz * bz <= Math.pow(0.08 * n * scale, 2)) d[i] = 2;
                    double cx = x - 0.8 * n;
                    double cy = y - 0.75 * n + shift * n;
                    double cz = z - 0.8 * n;
                    if (cx * cx + cy * cy + cz * cz <= Math.pow(0.06 * n, 2)) d[i] = 3;
                }
            }
        }
        return d;
    }

    @Benchmark
    public double hausdorffAdaptive(Volumes v) {
        return Metrics.hausdorff(v.prediction, v.reference, 1);
    }

    @Benchmark
    public double[][] surfaceDistancesKdTree(Volumes v) {
        return SurfacePairDistances.compute(v.prediction, v.reference, 1, 1, DistanceFields.tree());
    }

    @Benchmark
    public double[][] surfaceDistancesTransform(Volumes v) {
        return SurfacePairDistances.compute(v.prediction, v.reference, 1, 1, DistanceFields.transform());
    }

    @Benchmark
    public CaseEvaluation evaluateThreeClassesAllMetrics(Volumes v) {
        return Metrics.evaluate("bench", v.prediction, v.reference, new int[] {1, 2, 3}, EvaluationOptions.defaults());
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(HausdorffBenchmark.class.getSimpleName()).build()).run();
    }
}
