package org.regionwise.maps.distance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.regionwise.core.image.Grid;
import org.regionwise.core.map.DistanceUnits;

class EuclideanDistanceTransformTest {
    private static final EuclideanDistanceTransform EDT = EuclideanDistanceTransform.create();

    static Stream<Arguments> seeds() {
        return IntStream.range(0, 40).mapToObj(s -> Arguments.of(1000L + s));
    }

    /** Random size (1..3 dims ... 4 dims every fifth seed), spacing, and a mask with a random foreground fraction. */
    private static Object[] randomCase(long seed, int dims) {
        Random r = new Random(seed);
        int[] size = new int[dims];
        double[] spacing = new double[dims];
        int maxSide = dims == 1 ? 60 : dims == 2 ? 40 : dims == 3 ? 13 : 6;
        for (int a = 0; a < dims; a++) {
            size[a] = 1 + r.nextInt(maxSide);
            spacing[a] = 0.2 + 3 * r.nextDouble();
        }
        int n = Arrays.stream(size).reduce(1, (x, y) -> x * y);
        double p = new double[] {0.5, 0.9, 0.99, 0.1, 0.999}[r.nextInt(5)];
        boolean[] mask = new boolean[n];
        for (int i = 0; i < n; i++) mask[i] = r.nextDouble() < p;
        if (r.nextInt(3) == 0) {           // blobs instead of noise: a random ball of background or foreground
            boolean fg = r.nextBoolean();
            Arrays.fill(mask, !fg);
            int[] c = new int[dims];
            for (int a = 0; a < dims; a++) c[a] = r.nextInt(size[a]);
            double rad = 1 + r.nextInt(8);
            for (int i = 0; i < n; i++) {
                int rest = i;
                double s = 0;
                for (int a = 0; a < dims; a++) {
                    double t = rest % size[a] - c[a];
                    rest /= size[a];
                    s += t * t;
                }
                if (s <= rad * rad) mask[i] = fg;
            }
        }
        return new Object[] {mask, size, spacing};
    }

    private static void assertMatchesOracle(boolean[] mask, int[] size, double[] spacing) {
        double[] expected = BruteForceEdt.squared(mask, size, spacing);
        double[] sq = EDT.squaredDistance(mask, size, spacing);
        float[] d = EDT.distance(mask, size, spacing);
        for (int i = 0; i < mask.length; i++) {
            double e = expected[i];
            String where = "voxel " + i + " of " + Arrays.toString(size) + " spacing " + Arrays.toString(spacing);
            if (Double.isInfinite(e)) {
                assertThat(sq[i]).as(where).isEqualTo(Double.POSITIVE_INFINITY);
                assertThat(d[i]).as(where).isEqualTo(Float.POSITIVE_INFINITY);
            } else {
                assertThat(sq[i]).as(where).isCloseTo(e, within(1e-5 * Math.max(e, 1e-12)));
                assertThat((double) d[i]).as(where).isCloseTo(Math.sqrt(e), within(1e-5 * Math.max(Math.sqrt(e), 1e-12)));
            }
        }
    }

    /**
     * Small structures: one to three random balls and boxes of foreground covering a few percent of the image, some
     * touching its border, so that the transform runs on the grown foreground box ({@code ForegroundBox}); it must
     * still equal the brute force everywhere, in 1 to 4 dimensions with anisotropic spacing.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void smallStructuresTakeTheCroppedPathAndMatchBruteForce(long seed) {
        Random r = new Random(seed);
        int dims = 1 + (int) (seed % 4);
        int[] size = new int[dims];
        double[] spacing = new double[dims];
        int maxSide = dims == 1 ? 200 : dims == 2 ? 60 : dims == 3 ? 22 : 9;
        for (int a = 0; a < dims; a++) {
            size[a] = maxSide / 2 + r.nextInt(maxSide / 2);
            spacing[a] = 0.3 + 2.5 * r.nextDouble();
        }
        int n = Arrays.stream(size).reduce(1, (x, y) -> x * y);
        boolean[] mask = new boolean[n];
        int structures = 1 + r.nextInt(3);
        for (int s = 0; s < structures; s++) {
            int[] lo = new int[dims], hi = new int[dims];
            for (int a = 0; a < dims; a++) {
                int w = 1 + r.nextInt(Math.max(1, size[a] / 5));
                lo[a] = r.nextInt(4) == 0 ? 0 : r.nextInt(size[a] - w + 1);   // sometimes on the border
                hi[a] = lo[a] + w - 1;
            }
            boolean ball = r.nextBoolean();
            for (int i = 0; i < n; i++) {
                int rest = i;
                boolean in = true;
                double q = 0;
                for (int a = 0; a < dims; a++) {
                    int c = rest % size[a];
                    rest /= size[a];
                    if (c < lo[a] || c > hi[a]) in = false;
                    double mid = (lo[a] + hi[a]) / 2.0, half = (hi[a] - lo[a]) / 2.0 + 0.5;
                    q += ((c - mid) / half) * ((c - mid) / half);
                }
                if (in && (!ball || q <= 1)) mask[i] = true;
            }
        }
        if (org.regionwise.maps.distance.internal.ForegroundBox.of(mask, size) == null) return;   // box too large: covered above
        assertMatchesOracle(mask, size, spacing);
    }

    /**
     * Structures deeper than the windowed kernel's window (24 voxels), where the nearest background along a pass's
     * axis lies beyond the window and the earlier passes' values are larger still, so that only the fallback to the
     * lower envelope finds the minimum (mixed with shallow blocks in the same pass): a wide ellipse with a few holes
     * in 2D, a flat box in 3D, isotropic and anisotropic; the whole result must equal the brute force.
     */
    @Test
    void deepStructuresFallBackToTheEnvelopeAndMatchBruteForce() {
        int[] size2 = {130, 90};
        boolean[] ellipse = new boolean[130 * 90];
        Random r = new Random(99);
        for (int y = 0; y < 90; y++) {
            for (int x = 0; x < 130; x++) {
                double dx = (x - 64) / 62.0, dy = (y - 44) / 42.0;
                ellipse[x + 130 * y] = dx * dx + dy * dy <= 1 && r.nextInt(3000) != 0;
            }
        }
        assertMatchesOracle(ellipse, size2, new double[] {1, 1});
        assertMatchesOracle(ellipse, size2, new double[] {0.8, 1.3});

        int[] size3 = {90, 64, 7};
        boolean[] box = new boolean[90 * 64 * 7];
        for (int z = 1; z < 6; z++) for (int y = 1; y < 63; y++) for (int x = 1; x < 89; x++) box[x + 90 * (y + 64 * z)] = true;
        assertMatchesOracle(box, size3, new double[] {1, 1, 1});
        assertMatchesOracle(box, size3, new double[] {1.2, 0.9, 1});
    }

    @Test
    void theCroppedPathIsTakenForASmallStructure() {
        int[] size = {40, 30, 20};
        boolean[] mask = new boolean[40 * 30 * 20];
        for (int z = 5; z < 9; z++) for (int y = 0; y < 4; y++) for (int x = 30; x < 40; x++) mask[x + 40 * (y + 30 * z)] = true;
        var box = org.regionwise.maps.distance.internal.ForegroundBox.of(mask, size);
        assertThat(box).isNotNull();
        assertThat(box.boxSize()).containsExactly(11, 5, 6);    // grown by one voxel, clamped at the borders
        assertMatchesOracle(mask, size, new double[] {0.7, 1.3, 2.9});
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void random2DMatchesBruteForce(long seed) {
        Object[] c = randomCase(seed, 2);
        assertMatchesOracle((boolean[]) c[0], (int[]) c[1], (double[]) c[2]);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void random3DMatchesBruteForce(long seed) {
        Object[] c = randomCase(seed, 3);
        assertMatchesOracle((boolean[]) c[0], (int[]) c[1], (double[]) c[2]);
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 8, 9, 10, 11, 12})
    void oneAndFourDimensionsMatchBruteForce(long seed) {
        Object[] c1 = randomCase(seed, 1);
        assertMatchesOracle((boolean[]) c1[0], (int[]) c1[1], (double[]) c1[2]);
        Object[] c4 = randomCase(seed, 4);
        assertMatchesOracle((boolean[]) c4[0], (int[]) c4[1], (double[]) c4[2]);
    }

    @Test
    void voxelUnitsGiveExactIntegerSquares() {
        Object[] c = randomCase(77, 3);
        boolean[] mask = (boolean[]) c[0];
        int[] size = (int[]) c[1];
        double[] ones = {1, 1, 1};
        assertThat(EDT.squaredDistance(mask, size, ones)).containsExactly(BruteForceEdt.squared(mask, size, ones));
    }

    @Test
    void allBackgroundIsZero() {
        int[] size = {5, 4, 3};
        assertThat(EDT.distance(new boolean[60], size, new double[] {1, 2, 3})).containsOnly(0f);
        assertThat(EDT.squaredDistance(new boolean[60], size, new double[] {1, 2, 3})).containsOnly(0.0);
    }

    @Test
    void noBackgroundIsInfinity() {
        boolean[] full = new boolean[60];
        Arrays.fill(full, true);
        assertThat(EDT.distance(full, new int[] {5, 4, 3}, new double[] {1, 1, 1})).containsOnly(Float.POSITIVE_INFINITY);
        assertThat(EDT.squaredDistance(full, new int[] {60}, new double[] {1})).containsOnly(Double.POSITIVE_INFINITY);
        assertThat(EDT.distance(new boolean[] {true}, new int[] {1, 1}, new double[] {1, 1}))
                .containsExactly(Float.POSITIVE_INFINITY);
    }

    @Test
    void singleBackgroundVoxelGivesDistanceToIt() {
        int[] size = {7, 5, 4};
        double[] spacing = {0.5, 1.5, 2.5};
        boolean[] mask = new boolean[140];
        Arrays.fill(mask, true);
        int bx = 2, by = 3, bz = 1;
        mask[bx + 7 * (by + 5 * bz)] = false;
        float[] d = EDT.distance(mask, size, spacing);
        for (int z = 0; z < 4; z++) for (int y = 0; y < 5; y++) for (int x = 0; x < 7; x++) {
            double e = Math.sqrt(sq((x - bx) * 0.5) + sq((y - by) * 1.5) + sq((z - bz) * 2.5));
            assertThat((double) d[x + 7 * (y + 5 * z)]).isCloseTo(e, within(1e-5 * Math.max(1, e)));
        }
    }

    @Test
    void singleForegroundVoxelIsOneStepFromBackground() {
        boolean[] mask = new boolean[9 * 9];
        mask[4 + 9 * 4] = true;
        float[] d = EDT.distance(mask, new int[] {9, 9}, new double[] {3, 0.7});
        assertThat(d[4 + 9 * 4]).isCloseTo(0.7f, within(1e-6f));
        assertThat(IntStream.range(0, 81).filter(i -> i != 40).mapToDouble(i -> d[i])).containsOnly(0.0);
    }

    @Test
    void oneVoxelThickLineAndSlab() {
        // a one-voxel-thick line of foreground: every voxel on it is one step (along y) from background
        boolean[] line = new boolean[6 * 5];
        for (int x = 0; x < 6; x++) line[x + 6 * 2] = true;
        float[] d = EDT.distance(line, new int[] {6, 5}, new double[] {1, 2});
        for (int x = 0; x < 6; x++) assertThat(d[x + 12]).isEqualTo(2f);
        // a one-voxel-thick background slab in a full volume: distance = |z - 3| * spacing_z
        boolean[] slab = new boolean[4 * 3 * 8];
        Arrays.fill(slab, true);
        for (int i = 0; i < 12; i++) slab[i + 12 * 3] = false;
        float[] s = EDT.distance(slab, new int[] {4, 3, 8}, new double[] {1, 1, 0.5});
        for (int i = 0; i < slab.length; i++) assertThat(s[i]).isEqualTo(Math.abs(i / 12 - 3) * 0.5f);
    }

    @Test
    void oneByNImages() {
        boolean[] row = {true, true, false, true, true, true, true};
        float[] expected = {2, 1, 0, 1, 2, 3, 4};
        assertThat(EDT.distance(row, new int[] {7, 1}, new double[] {1, 1})).containsExactly(expected);
        assertThat(EDT.distance(row, new int[] {1, 7}, new double[] {1, 1})).containsExactly(expected);
        assertThat(EDT.distance(row, new int[] {1, 1, 7}, new double[] {5, 5, 1})).containsExactly(expected);
        assertThat(EDT.distance(row, new int[] {7}, new double[] {1})).containsExactly(expected);
    }

    @Test
    void threadCountDoesNotChangeTheResult() {
        Random r = new Random(5);
        int[] size = {47, 39, 41};     // above the parallel threshold, with ragged blocks
        boolean[] mask = new boolean[47 * 39 * 41];
        for (int i = 0; i < mask.length; i++) mask[i] = r.nextDouble() < 0.97;
        double[] spacing = {0.9, 1.3, 2.7};
        float[] one = EDT.threads(1).distance(mask, size, spacing);
        double[] oneSq = EDT.threads(1).squaredDistance(mask, size, spacing);
        for (int t : new int[] {2, 3, 4, 7}) {
            assertThat(EDT.threads(t).distance(mask, size, spacing)).containsExactly(one);
            assertThat(EDT.threads(t).squaredDistance(mask, size, spacing)).containsExactly(oneSq);
        }
        // and the parallel result is right
        double[] exact = BruteForceEdt.squared(mask, size, spacing);
        for (int i = 0; i < exact.length; i++) assertThat(oneSq[i]).isCloseTo(exact[i], within(1e-9 * (1 + exact[i])));
    }

    @Test
    void parallel2DMatchesBruteForce() {
        Random r = new Random(21);
        int[] size = {311, 203};          // above the parallel threshold; ragged blocks along y
        boolean[] mask = new boolean[311 * 203];
        for (int i = 0; i < mask.length; i++) mask[i] = r.nextDouble() < 0.995;
        double[] spacing = {0.7, 1.9};
        double[] exact = BruteForceEdt.squared(mask, size, spacing);
        for (int t : new int[] {1, 2, 5}) {
            double[] sq = EDT.threads(t).squaredDistance(mask, size, spacing);
            for (int i = 0; i < exact.length; i++) assertThat(sq[i]).isCloseTo(exact[i], within(1e-9 * (1 + exact[i])));
        }
    }

    @Test
    void concurrentCallsOnOneInstanceAreIndependent() throws Exception {
        int[] size = {40, 36, 30};
        double[] spacing = {1, 1.5, 2};
        boolean[][] masks = new boolean[4][];
        float[][] expected = new float[4][];
        for (int m = 0; m < 4; m++) {
            Random r = new Random(40 + m);
            masks[m] = new boolean[40 * 36 * 30];
            for (int i = 0; i < masks[m].length; i++) masks[m][i] = r.nextDouble() < 0.9 + 0.02 * m;
            expected[m] = EDT.threads(1).distance(masks[m], size, spacing);
        }
        EuclideanDistanceTransform shared = EDT.threads(3);
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<float[]>> results = new java.util.ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (int m = 0; m < 4; m++) {
                    boolean[] mask = masks[m];
                    results.add(callers.submit(() -> shared.distance(mask, size, spacing)));
                }
            }
            for (int i = 0; i < results.size(); i++) assertThat(results.get(i).get()).containsExactly(expected[i % 4]);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void gridOverloadsUseSpacingOrVoxels() {
        Grid g = Grid.of(new int[] {3, 1}, new double[] {2.5, 1});
        boolean[] mask = {false, true, true};
        assertThat(EDT.distance(mask, g)).containsExactly(0f, 2.5f, 5f);
        assertThat(EDT.distance(mask, g, DistanceUnits.VOXELS)).containsExactly(0f, 1f, 2f);
        assertThat(EDT.squaredDistance(mask, g, DistanceUnits.PHYSICAL)).containsExactly(0, 6.25, 25);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> EDT.distance(new boolean[5], new int[] {2, 2}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 voxels").hasMessageContaining("[2, 2]");
        assertThatThrownBy(() -> EDT.distance(new boolean[4], new int[] {2, 2}, new double[] {1, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("axis 1");
        assertThatThrownBy(() -> EDT.distance(new boolean[4], new int[] {2, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spacing has 1 values");
        assertThatThrownBy(() -> EDT.distance(new boolean[4], new int[] {2, 2}, new double[] {1e-200, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("axis 0");
        assertThatThrownBy(() -> EDT.squaredDistance(new boolean[4], new int[] {2, 2}, new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("axis 1");
        assertThatThrownBy(() -> EDT.threads(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
    }

    private static double sq(double v) { return v * v; }
}
