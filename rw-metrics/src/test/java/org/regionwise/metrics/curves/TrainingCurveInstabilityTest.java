package org.regionwise.metrics.curves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TrainingCurveInstabilityTest {

    @Test
    void countsDropsDeeperThanTheThreshold() {
        double[] c = {0.1, 0.5, 0.8, 0.6, 0.85, 0.84, 0.9, 0.5, 0.45, 0.9};
        // drop episodes: 0.8→0.6 (0.2), 0.85→0.84 (0.01), 0.9→0.5→0.45 (0.45)
        Instability i = TrainingCurveInstability.of(c, 0.05);
        assertThat(i.points()).isEqualTo(10);
        assertThat(i.drops()).isEqualTo(2);
        assertThat(i.maxDropDepth()).isCloseTo(0.45, within(1e-12));
        assertThat(i.totalDropDepth()).isCloseTo(0.65, within(1e-12));
        assertThat(i.maxDrawdown()).isCloseTo(0.45, within(1e-12));
        double tv = 0.4 + 0.3 + 0.2 + 0.25 + 0.01 + 0.06 + 0.4 + 0.05 + 0.45;
        assertThat(i.totalVariation()).isCloseTo(tv, within(1e-12));
        assertThat(i.meanAbsoluteStep()).isCloseTo(tv / 9, within(1e-12));
        assertThat(TrainingCurveInstability.of(c, 0.0).drops()).isEqualTo(3);
        assertThat(TrainingCurveInstability.of(c, 0.5).drops()).isZero();
    }

    @Test
    void plateauInsideADescentIsOneDrop() {
        Instability i = TrainingCurveInstability.of(new double[] {0.9, 0.8, 0.8, 0.7, 0.75}, 0.1);
        assertThat(i.drops()).isEqualTo(1);
        assertThat(i.maxDropDepth()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void monotoneAndSinglePointCurvesAreStable() {
        Instability up = TrainingCurveInstability.of(new double[] {0.1, 0.2, 0.3}, 0.0);
        assertThat(up.drops()).isZero();
        assertThat(up.maxDrawdown()).isZero();
        assertThat(up.totalVariation()).isCloseTo(0.2, within(1e-12));
        Instability one = TrainingCurveInstability.of(new double[] {0.5}, 0.1);
        assertThat(one.totalVariation()).isZero();
        assertThat(one.meanAbsoluteStep()).isZero();
    }

    @Test
    void drawdownMeasuresTheFallBelowTheBestSoFar() {
        // two small drops (0.04 each) under the threshold that together fall 0.07 below the best
        Instability i = TrainingCurveInstability.of(new double[] {0.9, 0.86, 0.87, 0.83}, 0.05);
        assertThat(i.drops()).isZero();
        assertThat(i.maxDrawdown()).isCloseTo(0.07, within(1e-12));
    }

    @Test
    void spreadAcrossRunsOverTheLastEpochs() {
        double[][] runs = {{0.0, 0.5, 0.7, 0.8}, {0.9, 0.5, 0.5, 0.6}, {0.3, 0.5, 0.6, 0.7}};
        RunSpread s = TrainingCurveInstability.acrossRuns(runs, 2);
        // epoch 2: 0.7, 0.5, 0.6 → std 0.1; epoch 3: 0.8, 0.6, 0.7 → std 0.1
        assertThat(s.meanStdAcrossRuns()).isCloseTo(0.1, within(1e-12));
        assertThat(s.maxStdAcrossRuns()).isCloseTo(0.1, within(1e-12));
        assertThat(s.runMeans()).containsExactly(new double[] {0.75, 0.55, 0.65}, within(1e-12));
        assertThat(s.stdOfRunMeans()).isCloseTo(0.1, within(1e-12));
        assertThat(TrainingCurveInstability.acrossRuns(runs, 1).meanStdAcrossRuns()).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void badInputsAreNamed() {
        assertThatThrownBy(() -> TrainingCurveInstability.of(new double[] {0.1, Double.NaN}, 0.1)).hasMessageContaining("index 1");
        assertThatThrownBy(() -> TrainingCurveInstability.of(new double[0], 0.1)).hasMessageContaining("empty");
        assertThatThrownBy(() -> TrainingCurveInstability.of(new double[] {1}, -1)).hasMessageContaining("-1");
        assertThatThrownBy(() -> TrainingCurveInstability.acrossRuns(new double[][] {{1, 2}}, 1)).hasMessageContaining("at least 2 runs");
        assertThatThrownBy(() -> TrainingCurveInstability.acrossRuns(new double[][] {{1, 2}, {1}}, 1)).hasMessageContaining("run 1");
        assertThatThrownBy(() -> TrainingCurveInstability.acrossRuns(new double[][] {{1, 2}, {1, 2}}, 3)).hasMessageContaining("[1, 2]");
    }
}
