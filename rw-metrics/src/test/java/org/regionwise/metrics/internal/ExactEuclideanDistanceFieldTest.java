package org.regionwise.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The double-precision field against all-pairs distances on random sparse and dense site sets. */
class ExactEuclideanDistanceFieldTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void matchesAllPairsDistances(int seed) {
        Random r = new Random(seed);
        int nx = 1 + r.nextInt(40);
        int ny = 1 + r.nextInt(30);
        int nz = seed % 2 == 0 ? 1 : 1 + r.nextInt(20);
        double[] sp = {0.2 + 3 * r.nextDouble(), 0.2 + 3 * r.nextDouble(), 0.2 + 3 * r.nextDouble()};
        int n = nx * ny * nz;
        boolean[] sites = new boolean[n];
        double density = seed <= 4 ? 0.002 : 0.3;
        for (int i = 0; i < n; i++) sites[i] = r.nextDouble() < density;
        sites[r.nextInt(n)] = true;
        int[] queries = IntStream.range(0, n).toArray();
        double[] d = new ExactEuclideanDistanceField().distancesAt(sites, new int[] {nx, ny, nz}, sp, queries);
        for (int q = 0; q < n; q++) {
            int qx = q % nx;
            int qy = (q / nx) % ny;
            int qz = q / (nx * ny);
            double best = Double.POSITIVE_INFINITY;
            for (int s = 0; s < n; s++) {
                if (!sites[s]) continue;
                double a = (qx - s % nx) * sp[0];
                double b = (qy - (s / nx) % ny) * sp[1];
                double c = (qz - s / (nx * ny)) * sp[2];
                best = Math.min(best, a * a + b * b + c * c);
            }
            assertThat(d[q]).as("voxel %d", q).isCloseTo(Math.sqrt(best), within(1e-9));
        }
    }
}
