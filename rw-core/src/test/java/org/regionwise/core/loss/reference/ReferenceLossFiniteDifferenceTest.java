package org.regionwise.core.loss.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.regionwise.core.loss.AlphaSchedule;
import org.regionwise.core.loss.LossSpec;
import org.regionwise.core.loss.Losses;
import org.regionwise.core.map.Maps;

/** Every reference gradient against central finite differences of the reference value, on seeded random batches. */
class ReferenceLossFiniteDifferenceTest {

    static List<LossSpec> everyLoss() {
        return List.of(
                Losses.rectifiedRegionWise(),
                Losses.boundary(),
                Losses.crossEntropy(),
                Losses.weightedCrossEntropy(),
                Losses.focal(),
                Losses.focal(0.5, 0.25),
                Losses.focal(0, 1),
                Losses.dice(),
                Losses.dice(1, false, false),
                Losses.dice(1e-5, true, true),
                Losses.dice(0, false, true),
                Losses.generalizedDice(),
                new LossSpec.GeneralizedDice(1e-3, true),
                Losses.equal(Losses.rectifiedRegionWise(), Losses.crossEntropy()),
                Losses.sum(0.3, Losses.regionWise(Maps.rectified()), 2, Losses.boundary()),
                Losses.boundaryDice(),
                new LossSpec.Gradual(Losses.crossEntropy(), Losses.rectifiedRegionWise(), new AlphaSchedule(1, 0.1, 0.2)));
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        long seed = 11;
        for (LossSpec spec : everyLoss()) {
            for (int k : new int[] {2, 3, 4}) {
                // all classes drawn, and one class never drawn (absent-class guards)
                out.add(Arguments.of(spec.id(), spec, k, k, seed++));
                out.add(Arguments.of(spec.id(), spec, k, k - 1, seed++));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} K={2} labels<{3} seed={4}")
    @MethodSource("cases")
    void gradientMatchesCentralDifferences(String id, LossSpec spec, int classes, int labelClasses, long seed) {
        ReferenceLoss loss = ReferenceLoss.of(spec);
        // voxels: 12 (a 3x4 slice) or 8 (a 2x2x2 volume): the layout only counts voxels
        int voxels = seed % 2 == 0 ? 12 : 8;
        LossBatch batch = RandomBatches.random(spec, seed, 3, voxels, classes, labelClasses, (int) (seed % 7));
        LossValue value = loss.evaluate(batch);
        assertThat(value.gradient()).hasSize(batch.size());
        assertThat(Double.isFinite(value.value())).isTrue();
        double h = 1e-5;
        for (int j = 0; j < batch.size(); j++) {
            double s = batch.logits()[j];
            double plus = loss.evaluate(RandomBatches.withLogit(batch, j, s + h)).value();
            double minus = loss.evaluate(RandomBatches.withLogit(batch, j, s - h)).value();
            double numeric = (plus - minus) / (2 * h);
            double analytic = value.gradient()[j];
            assertThat(Math.abs(analytic - numeric))
                    .as("%s logit %d: analytic %s vs numeric %s", id, j, analytic, numeric)
                    .isLessThanOrEqualTo(1e-8 + 1e-6 * Math.abs(numeric));
        }
    }

    @ParameterizedTest(name = "given weights K={0}")
    @MethodSource("givenWeightCases")
    void weightedCrossEntropyWithGivenWeights(int classes, long seed) {
        double[] w = new double[classes];
        for (int c = 0; c < classes; c++) w[c] = 0.5 + c;
        gradientMatchesCentralDifferences("wce-given", Losses.weightedCrossEntropy(w), classes, classes, seed);
    }

    static Stream<Arguments> givenWeightCases() {
        return Stream.of(Arguments.of(2, 101L), Arguments.of(3, 102L), Arguments.of(4, 103L));
    }
}
