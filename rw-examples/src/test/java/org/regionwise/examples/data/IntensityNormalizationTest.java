package org.regionwise.examples.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IntensityNormalizationTest {
    @Test
    void formatsAndParsesBack() {
        for (IntensityNormalization n : new IntensityNormalization[] {IntensityNormalization.zScore(), IntensityNormalization.zScoreNonZero(),
                IntensityNormalization.ct(-100, 300.5, 40, 75)}) {
            assertThat(IntensityNormalization.parse(n.format())).isEqualTo(n);
        }
        assertThatThrownBy(() -> IntensityNormalization.parse("minmax")).hasMessageContaining("unknown intensity normalisation");
    }

    @Test
    void nonZeroStatisticsIgnoreTheZeroBackground() {
        float[] v = {0, 0, 0, 10, 20};
        IntensityNormalization.zScoreNonZero().apply(v);
        assertThat(v[3]).isEqualTo(-1f);
        assertThat(v[4]).isEqualTo(1f);
        assertThat(v[0]).isEqualTo(-3f);
        float[] c = {-1000, 0, 50, 5000};
        IntensityNormalization.ct(-100, 200, 50, 10).apply(c);
        assertThat(c).containsExactly(-15f, -5f, 0f, 15f);
    }
}
