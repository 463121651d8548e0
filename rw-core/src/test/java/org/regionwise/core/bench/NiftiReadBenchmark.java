package org.regionwise.core.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.io.Nifti;

/**
 * Reading and writing a 181x217x181 int16 brain-sized volume (the MNI template grid), compressed and not.
 * Goal: reading the {@code .nii.gz} well under a second. Run with
 * {@code java -cp <test classpath> org.regionwise.core.bench.NiftiReadBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NiftiReadBenchmark {
    @Param({".nii.gz", ".nii"})
    public String extension;

    private Path dir;
    private Path file;
    private LabelImage labels;

    /** A smooth int16 volume with noise, compressing like a real T1 (not like a constant). */
    static LabelImage brainSizedInt16() {
        Grid g = Grid.of(new int[] {181, 217, 181}, new double[] {1, 1, 1});
        int[] v = new int[g.voxelCount()];
        Random r = new Random(1);
        for (int z = 0, i = 0; z < 181; z++) {
            for (int y = 0; y < 217; y++) {
                for (int x = 0; x < 181; x++, i++) {
                    double d = Math.hypot(Math.hypot(x - 90, y - 108), z - 90);
                    v[i] = d < 80 ? (int) (600 + 300 * Math.sin(d / 7) + r.nextInt(40)) : r.nextInt(5);
                }
            }
        }
        return new LabelImage(g, v);
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("rw-bench");
        file = dir.resolve("brain" + extension);
        labels = brainSizedInt16();
        Nifti.write(file, labels);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) Files.delete(p);
        }
        Files.delete(dir);
    }

    @Benchmark
    public FloatImage readImage() { return Nifti.readImage(file); }

    @Benchmark
    public LabelImage readLabels() { return Nifti.readLabels(file); }

    @Benchmark
    public Path writeLabels() {
        Path out = dir.resolve("out" + extension);
        Nifti.write(out, labels);
        return out;
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(NiftiReadBenchmark.class.getSimpleName()).build()).run();
    }
}
