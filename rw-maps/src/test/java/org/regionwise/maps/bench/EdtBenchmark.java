package org.regionwise.maps.bench;

import java.util.Random;
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
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.map.Maps;
import org.regionwise.core.map.RegionWiseMap;
import org.regionwise.maps.RegionWiseMaps;
import org.regionwise.maps.distance.EuclideanDistanceTransform;

/**
 * JMH benchmarks of the distance transform (3D volume of random balls, about 40% foreground) and of the RRW map of a
 * typical 2D training patch (256x256, K = 4). Run {@link #main} from the test classpath; figures in the README.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class EdtBenchmark {

    /** The 3D distance transform. */
    @State(Scope.Benchmark)
    public static class Volume {
        @Param({"128"})
        public int side;
        @Param({"1", "2"})
        public int threads;
        boolean[] mask;
        int[] size;
        double[] spacing = {1, 1, 1};
        EuclideanDistanceTransform edt;

        @Setup(Level.Trial)
        public void setUp() {
            size = new int[] {side, side, side};
            mask = balls(size, 0.4, 11);
            edt = EuclideanDistanceTransform.create().threads(threads);
        }
    }

    /** The RRW map of a 2D patch. */
    @State(Scope.Benchmark)
    public static class Patch {
        LabelImage labels;
        RegionWiseMap rrw;

        @Setup(Level.Trial)
        public void setUp() {
            Grid g = Grid.of2D(256, 256);
            boolean[] a = balls(new int[] {256, 256}, 0.2, 3);
            boolean[] b = balls(new int[] {256, 256}, 0.1, 4);
            boolean[] c = balls(new int[] {256, 256}, 0.05, 5);
            int[] y = new int[a.length];
            for (int i = 0; i < y.length; i++) y[i] = c[i] ? 3 : b[i] ? 2 : a[i] ? 1 : 0;
            labels = new LabelImage(g, y);
            rrw = RegionWiseMaps.create(Maps.rectified());
        }
    }

    @Benchmark
    public float[] distance(Volume v) {
        return v.edt.distance(v.mask, v.size, v.spacing);
    }

    @Benchmark
    public double[] squaredDistance(Volume v) {
        return v.edt.squaredDistance(v.mask, v.size, v.spacing);
    }

    @Benchmark
    public ClassMaps rrwPatch256K4(Patch p) {
        return p.rrw.compute(p.labels, 4);
    }

    /** Random balls added until about {@code fraction} of the voxels are foreground. */
    static boolean[] balls(int[] size, double fraction, long seed) {
        Random r = new Random(seed);
        int n = 1;
        for (int s : size) n *= s;
        boolean[] m = new boolean[n];
        int fg = 0;
        int dims = size.length;
        int[] c = new int[dims];
        while (fg < fraction * n) {
            for (int a = 0; a < dims; a++) c[a] = r.nextInt(size[a]);
            int rad = 2 + r.nextInt(Math.max(3, size[0] / 12));
            int[] lo = new int[dims], hi = new int[dims], p = new int[dims];
            for (int a = 0; a < dims; a++) {
                lo[a] = Math.max(0, c[a] - rad);
                hi[a] = Math.min(size[a] - 1, c[a] + rad);
                p[a] = lo[a];
            }
            while (true) {
                long d2 = 0;
                int idx = 0, stride = 1;
                for (int a = 0; a < dims; a++) {
                    long t = p[a] - c[a];
                    d2 += t * t;
                    idx += p[a] * stride;
                    stride *= size[a];
                }
                if (d2 <= (long) rad * rad && !m[idx]) {
                    m[idx] = true;
                    fg++;
                }
                int a = 0;
                while (a < dims && ++p[a] > hi[a]) {
                    p[a] = lo[a];
                    a++;
                }
                if (a == dims) break;
            }
        }
        return m;
    }

    /** Runs every benchmark of this class; JMH command-line options (e.g. {@code -wi 2 -i 3 -p side=256}) apply. */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        new Runner(new OptionsBuilder().parent(new CommandLineOptions(args))
                .include(EdtBenchmark.class.getName()).build()).run();
    }
}
