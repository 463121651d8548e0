package org.regionwise.maps.distance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares with {@code scipy.ndimage.distance_transform_edt} run by Debian's {@code /usr/bin/python3}. Skipped (with
 * the reason) when that interpreter or SciPy is missing.
 */
class ScipyComparisonTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static String unavailable = "";

    @BeforeAll
    static void probe() throws Exception {
        if (!Files.isExecutable(PYTHON)) {
            unavailable = PYTHON + " not found";
            return;
        }
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import numpy, scipy.ndimage").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) unavailable = "numpy/scipy not importable: " + out.strip();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void matchesScipy(long seed, @TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue(unavailable.isEmpty(), () -> "SciPy comparison skipped: " + unavailable);
        Random r = new Random(seed);
        boolean threeD = seed % 2 == 1;
        int[] size = threeD ? new int[] {20 + r.nextInt(20), 15 + r.nextInt(20), 5 + r.nextInt(20)}
                : new int[] {30 + r.nextInt(60), 20 + r.nextInt(60)};
        double[] spacing = new double[size.length];
        for (int a = 0; a < size.length; a++) spacing[a] = 0.3 + 2.5 * r.nextDouble();
        int n = Arrays.stream(size).reduce(1, (x, y) -> x * y);
        boolean[] mask = new boolean[n];
        byte[] bytes = new byte[n];
        double p = 0.8 + 0.19 * r.nextDouble();
        for (int i = 0; i < n; i++) mask[i] = r.nextDouble() < p;
        mask[r.nextInt(n)] = false;                 // SciPy needs a background voxel to be meaningful
        for (int i = 0; i < n; i++) bytes[i] = (byte) (mask[i] ? 1 : 0);
        Path in = dir.resolve("mask.u8");
        Path out = dir.resolve("edt.f64");
        Files.write(in, bytes);
        String shape = Arrays.toString(size).replace('[', '(').replace(']', ')');
        String sampling = Arrays.toString(spacing).replace('[', '(').replace(']', ')');
        String script = String.format(Locale.ROOT,
                "import numpy as np, scipy.ndimage as nd%n"
                        + "m = np.fromfile('%s', dtype=np.uint8).reshape(%s, order='F').astype(bool)%n"
                        + "d = nd.distance_transform_edt(m, sampling=%s)%n"
                        + "d.ravel(order='F').astype('<f8').tofile('%s')%n",
                in, shape, sampling, out);
        Process proc = new ProcessBuilder(PYTHON.toString(), "-c", script).redirectErrorStream(true).start();
        String log = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(proc.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(proc.exitValue()).as(log).isZero();
        ByteBuffer bb = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
        float[] ours = EuclideanDistanceTransform.create().distance(mask, size, spacing);
        for (int i = 0; i < n; i++) {
            double e = bb.getDouble(i * 8);
            assertThat((double) ours[i]).as("voxel %d", i).isCloseTo(e, within(1e-5 * Math.max(1, e)));
        }
    }
}
