package org.regionwise.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SelectionTest {

    static double sortedPercentile(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        double h = (s.length - 1) * p / 100.0;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (s[hi] - s[lo]) * (h - lo);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void percentileBySelectionEqualsSortedPercentile(int seed) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(seed * 50);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextInt(3) == 0 ? r.nextInt(5) : r.nextDouble() * 100; // many ties
        for (double p : new double[] {0, 5, 50, 95, 99.5, 100}) {
            assertThat(Selection.percentile(v.clone(), n, p)).isCloseTo(sortedPercentile(v, p), within(1e-9));
        }
        int k = r.nextInt(n);
        double[] s = v.clone();
        Arrays.sort(s);
        assertThat(Selection.select(v.clone(), n, k)).isEqualTo(s[k]);
    }
}
