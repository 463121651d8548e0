package org.regionwise.maps.distance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares with {@code scipy.ndimage.distance_transform_edt(mask, sampling=spacing)} run by Debian's
 * {@code /usr/bin/python3} (one interpreter for all cases). Skipped, with the reason, when that interpreter or SciPy is
 * missing.
 */
class ScipyComparisonTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final long[] SEEDS = {1, 2, 3, 4, 5, 6};
    private static String unavailable = "";
    private static final Map<Long, Case> CASES = new HashMap<>();
    private static final Map<Long, double[]> SCIPY = new HashMap<>();

    private record Case(boolean[] mask, int[] size, double[] spacing) {}

    @BeforeAll
    static void runScipy(@TempDir Path dir) throws Exception {
        if (!Files.isExecutable(PYTHON)) {
            unavailable = PYTHON + " not found";
            return;
        }
        StringBuilder script = new StringBuilder("try:\n    import numpy as np\n    import scipy.ndimage as nd\n"
                + "except ImportError as e:\n    print('NO-SCIPY', e); raise SystemExit(0)\n");
        for (long seed : SEEDS) {
            Case c = randomCase(seed);
            CASES.put(seed, c);
            byte[] bytes = new byte[c.mask.length];
            for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) (c.mask[i] ? 1 : 0);
            Path in = dir.resolve("mask" + seed + ".u8");
            Files.write(in, bytes);
            script.append(String.format(Locale.ROOT,
                    "m = np.fromfile('%s', dtype=np.uint8).reshape(%s, order='F').astype(bool)%n"
                            + "nd.distance_transform_edt(m, sampling=%s).ravel(order='F').astype('<f8').tofile('%s')%n",
                    in, tuple(Arrays.toString(c.size)), tuple(Arrays.toString(c.spacing)), dir.resolve("edt" + seed + ".f64")));
        }
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", script.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("SciPy did not finish in 300 s");
        }
        if (log.contains("NO-SCIPY")) {
            unavailable = "scipy not importable in " + PYTHON + ": " + log.strip();
            return;
        }
        assertThat(p.exitValue()).as(log).isZero();
        for (long seed : SEEDS) {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("edt" + seed + ".f64"))).order(ByteOrder.LITTLE_ENDIAN);
            double[] d = new double[CASES.get(seed).mask.length];
            for (int i = 0; i < d.length; i++) d[i] = b.getDouble(i * 8);
            SCIPY.put(seed, d);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void matchesScipy(long seed) {
        assumeTrue(unavailable.isEmpty(), () -> "SciPy comparison skipped: " + unavailable);
        Case c = CASES.get(seed);
        double[] expected = SCIPY.get(seed);
        float[] ours = EuclideanDistanceTransform.create().distance(c.mask, c.size, c.spacing);
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            assertThat((double) ours[i]).as("seed %d voxel %d", seed, i).isCloseTo(e, within(1e-5 * Math.max(1, e)));
        }
    }

    /** Odd seeds 3D, even seeds 2D; random anisotropic spacing; 80-99% foreground with at least one background voxel. */
    private static Case randomCase(long seed) {
        Random r = new Random(seed);
        boolean threeD = seed % 2 == 1;
        int[] size = threeD ? new int[] {20 + r.nextInt(20), 15 + r.nextInt(20), 5 + r.nextInt(20)}
                : new int[] {30 + r.nextInt(60), 20 + r.nextInt(60)};
        double[] spacing = new double[size.length];
        for (int a = 0; a < size.length; a++) spacing[a] = 0.3 + 2.5 * r.nextDouble();
        int n = Arrays.stream(size).reduce(1, (x, y) -> x * y);
        boolean[] mask = new boolean[n];
        double p = 0.8 + 0.19 * r.nextDouble();
        for (int i = 0; i < n; i++) mask[i] = r.nextDouble() < p;
        mask[r.nextInt(n)] = false;                 // SciPy needs a background voxel to be meaningful
        return new Case(mask, size, spacing);
    }

    private static String tuple(String javaArray) {
        return javaArray.replace('[', '(').replace(']', ')');
    }
}
