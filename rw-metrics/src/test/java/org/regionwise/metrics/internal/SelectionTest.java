package org.regionwise.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.regionwise.metrics.BruteForce;

class SelectionTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void percentileBySelectionEqualsSortedPercentile(int seed) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(seed * 50);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextInt(3) == 0 ? r.nextInt(5) : r.nextDouble() * 100; // many ties
        for (double p : new double[] {0, 5, 50, 95, 99.5, 100}) {
            assertThat(Selection.percentile(v.clone(), n, p)).isCloseTo(BruteForce.percentile(v, p), within(1e-9));
        }
        int k = r.nextInt(n);
        double[] s = v.clone();
        Arrays.sort(s);
        assertThat(Selection.select(v.clone(), n, k)).isEqualTo(s[k]);
    }
}
