package org.regionwise.maps.distance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two one-dimensional kernels against the definition {@code D(p) = min_q f(q) + (p - q)^2}, evaluated by brute
 * force over every site, on interleaved blocks of random lines: the windowed minimum wherever it accepts a block, the
 * envelope on every lane always, and the windowed minimum gives up exactly when some voxel lies deeper than its window.
 */
class WindowedMinimumTest {
    static Stream<Arguments> seeds() {
        return IntStream.range(0, 60).mapToObj(s -> Arguments.of(7000L + s));
    }

    /** Brute force over all sites: the definition. */
    private static double[] definition(double[] in, int n, int lanes) {
        double[] out = new double[n * lanes];
        for (int j = 0; j < lanes; j++) {
            for (int p = 0; p < n; p++) {
                double best = Double.POSITIVE_INFINITY;
                for (int q = 0; q < n; q++) best = Math.min(best, in[q * lanes + j] + (double) (p - q) * (p - q));
                out[p * lanes + j] = best;
            }
        }
        return out;
    }

    /**
     * A block like the ones the passes see: runs of foreground values (squared distances so far, possibly
     * anisotropic, so not integers) between background zeros, sometimes a lane with no background at all (+inf).
     */
    private static double[] randomBlock(Random r, int n, int lanes) {
        double[] in = new double[n * lanes];
        double scale = new double[] {1, 0.37, 2.9}[r.nextInt(3)];
        int depth = new int[] {3, 10, 40, 200}[r.nextInt(4)];
        for (int j = 0; j < lanes; j++) {
            boolean infinite = r.nextInt(12) == 0;
            double pBackground = r.nextInt(4) == 0 ? 0 : 1.0 / (1 + r.nextInt(depth));
            for (int t = 0; t < n; t++) {
                double v;
                if (infinite) v = Double.POSITIVE_INFINITY;
                else if (r.nextDouble() < pBackground) v = 0;
                else v = scale * (1 + r.nextInt(depth * depth));
                in[t * lanes + j] = v;
            }
        }
        return in;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void bothKernelsEqualTheDefinition(long seed) {
        Random r = new Random(seed);
        int lanes = new int[] {1, 3, 8}[r.nextInt(3)];
        int n = 1 + r.nextInt(new int[] {4, 40, 130}[r.nextInt(3)]);
        int maxSteps = 1 + r.nextInt(30);
        double[] in = randomBlock(r, n, lanes);
        double[] expected = definition(in, n, lanes);

        double[] envelope = new double[n * lanes];
        LowerEnvelope e = new LowerEnvelope();
        for (int j = 0; j < lanes; j++) e.solve(in, j, lanes, n, envelope);
        assertThat(envelope).containsExactly(expected);

        double[] windowed = new double[n * lanes];
        boolean solved = new WindowedMinimum(lanes, maxSteps).solve(in, n, windowed);
        if (solved) assertThat(windowed).containsExactly(expected);
        assertThat(solved).as("gives up iff some voxel needs more than %d steps", maxSteps)
                .isEqualTo(stepsNeeded(in, n, lanes) <= maxSteps);
    }

    /**
     * The largest window the windowed kernel has to open: per row, the first r at which r^2 is no smaller than the
     * largest minimum over the sites within r - 1 (nothing farther can lower it), or where the whole line is seen.
     */
    private static int stepsNeeded(double[] in, int n, int lanes) {
        int worst = 0;
        for (int t = 0; t < n; t++) {
            int r = 1;
            while (r < n) {
                double largest = 0;
                for (int j = 0; j < lanes; j++) {
                    double m = Double.POSITIVE_INFINITY;
                    for (int q = Math.max(0, t - r + 1); q <= Math.min(n - 1, t + r - 1); q++) {
                        m = Math.min(m, in[q * lanes + j] + (double) (t - q) * (t - q));
                    }
                    largest = Math.max(largest, m);
                }
                if ((double) r * r >= largest || (t - r < 0 && t + r >= n)) break;
                r++;
            }
            worst = Math.max(worst, r - 1);
        }
        return worst;
    }

    @Test
    void aLaneWithoutBackgroundStaysInfiniteOnAShortLine() {
        double inf = Double.POSITIVE_INFINITY;
        double[] in = {inf, 0, inf, 4, inf, 1};    // n = 3, lanes = 2: lane 0 all +inf, lane 1 = 0, 4, 1
        double[] out = new double[6];
        assertThat(new WindowedMinimum(2, 5).solve(in, 3, out)).isTrue();
        assertThat(out).containsExactly(inf, 0, inf, 1, inf, 1);
    }

    @Test
    void givesUpOnADeepStructureAndTheEnvelopeSolvesIt() {
        int n = 101;
        double[] in = new double[n];
        for (int t = 1; t < n - 1; t++) in[t] = 1e6;          // background only at both ends
        double[] out = new double[n];
        assertThat(new WindowedMinimum(1, 24).solve(in, n, out)).isFalse();
        new LowerEnvelope().solve(in, 0, 1, n, out);
        assertThat(out[50]).isEqualTo(50.0 * 50.0);
        assertThat(out).containsExactly(definition(in, n, 1));
    }
}
