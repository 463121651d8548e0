package org.regionwise.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Both distance fields (dense transform, k-d tree) and the adaptive one against all-pairs distances. */
class DistanceFieldTest {

    static Stream<Arguments> cases() {
        return IntStream.rangeClosed(1, 8).boxed().flatMap(seed -> Stream.of(
                Arguments.of("transform", DistanceFields.transform(), seed),
                Arguments.of("tree", DistanceFields.tree(), seed),
                Arguments.of("standard", DistanceFields.standard(), seed)));
    }

    @ParameterizedTest(name = "{0} seed {2}")
    @MethodSource("cases")
    void matchesAllPairsDistances(String name, DistanceField field, int seed) {
        Random r = new Random(seed);
        int nx = 1 + r.nextInt(40);
        int ny = 1 + r.nextInt(30);
        int nz = seed % 2 == 0 ? 1 : 1 + r.nextInt(20);
        double[] sp = {0.2 + 3 * r.nextDouble(), 0.2 + 3 * r.nextDouble(), 0.2 + 3 * r.nextDouble()};
        int n = nx * ny * nz;
        double density = seed <= 4 ? 0.002 : 0.3;
        int[] sites = IntStream.range(0, n).filter(i -> r.nextDouble() < density).toArray();
        if (sites.length == 0) sites = new int[] {r.nextInt(n)};
        int[] queries = IntStream.range(0, n).toArray();
        double[] d = field.distancesAt(sites, new int[] {nx, ny, nz}, sp, queries);
        for (int q = 0; q < n; q++) {
            int qx = q % nx;
            int qy = (q / nx) % ny;
            int qz = q / (nx * ny);
            double best = Double.POSITIVE_INFINITY;
            for (int s : sites) {
                double a = (qx - s % nx) * sp[0];
                double b = (qy - (s / nx) % ny) * sp[1];
                double c = (qz - s / (nx * ny)) * sp[2];
                best = Math.min(best, a * a + b * b + c * c);
            }
            assertThat(d[q]).as("voxel %d of %s", q, Arrays.toString(new int[] {nx, ny, nz})).isCloseTo(Math.sqrt(best), within(1e-9));
        }
    }
}
