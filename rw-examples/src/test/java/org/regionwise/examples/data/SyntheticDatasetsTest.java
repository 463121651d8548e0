package org.regionwise.examples.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.regionwise.core.backend.Sample;

class SyntheticDatasetsTest {

    static List<Phantom> phantoms() { return SyntheticDatasets.phantoms(); }

    private static final SyntheticDatasets.Options SMALL = new SyntheticDatasets.Options(64, 24, 4, 4, 7);

    @ParameterizedTest
    @MethodSource("phantoms")
    void sameSeedGivesIdenticalCases(Phantom p) {
        SplitDataset a = SyntheticDatasets.generate(p, SMALL);
        SplitDataset b = SyntheticDatasets.generate(p, SMALL);
        for (int i = 0; i < a.training().size(); i++) {
            assertThat(a.training().get(i).image().data()).containsExactly(b.training().get(i).image().data());
            assertThat(a.training().get(i).labels().data()).containsExactly(b.training().get(i).labels().data());
        }
        assertThat(a.description()).isEqualTo(b.description());
    }

    @ParameterizedTest
    @MethodSource("phantoms")
    void otherSeedOrSplitGivesOtherCases(Phantom p) {
        SplitDataset a = SyntheticDatasets.generate(p, SMALL);
        SplitDataset b = SyntheticDatasets.generate(p, new SyntheticDatasets.Options(64, 24, 4, 4, 8));
        assertThat(a.training().get(0).labels().data()).isNotEqualTo(b.training().get(0).labels().data());
        assertThat(a.training().get(0).labels().data()).isNotEqualTo(a.test().get(0).labels().data());
        assertThat(a.training().get(0).labels().data()).isNotEqualTo(a.training().get(1).labels().data());
    }

    @ParameterizedTest
    @MethodSource("phantoms")
    void everyCaseHasEveryClassAndNormalisedIntensities(Phantom p) {
        SplitDataset d = SyntheticDatasets.generate(p, SMALL);
        assertThat(d.name()).isEqualTo(p.name());
        assertThat(d.training()).hasSize(24);
        assertThat(d.validation()).hasSize(4);
        assertThat(d.test()).hasSize(4);
        for (Sample s : d.training()) {
            assertThat(s.image().grid().sizes()).containsExactly(64, 64);
            assertThat(s.image().grid().spacing(0)).isEqualTo(p.spacingMm());
            long[] counts = s.labels().classCounts(d.classes());
            for (int k = 0; k < d.classes(); k++) assertThat(counts[k]).as("class %d of %s", k, s.id()).isPositive();
            double mean = 0, sq = 0;
            for (float v : s.image().data()) { mean += v; sq += v * v; }
            mean /= s.image().data().length;
            assertThat(mean).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-4));
            assertThat(Math.sqrt(sq / s.image().data().length)).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-3));
        }
    }

    static List<Arguments> imbalance() {
        // documented class fractions (training split, 64 px): background dominates every task
        return List.of(
                Arguments.of(new CardiacPhantom(), new double[] {0.85, 0.96}, new double[] {0.005, 0.06}),
                Arguments.of(new KidneyPhantom(), new double[] {0.92, 0.98}, new double[] {0.002, 0.06}),
                Arguments.of(new LesionPhantom(), new double[] {0.97, 0.997}, new double[] {0.003, 0.03}));
    }

    @ParameterizedTest
    @MethodSource("imbalance")
    void classImbalanceAsDocumented(Phantom p, double[] background, double[] eachForeground) {
        SplitDataset d = SyntheticDatasets.generate(p, new SyntheticDatasets.Options(64, 48, 2, 2, 1));
        double[] f = SplitDataset.classFractions(d.training(), d.classes());
        assertThat(f[0]).isBetween(background[0], background[1]);
        for (int k = 1; k < f.length; k++) assertThat(f[k]).as("class %d", k).isBetween(eachForeground[0], eachForeground[1]);
        assertThat(d.description()).contains("class fractions");
    }

    @Test
    void cardiacRingsAreNested() {
        SplitDataset d = SyntheticDatasets.generate(new CardiacPhantom(), SMALL);
        for (Sample s : d.training()) {
            // every LV pixel's 4-neighbours are LV or myocardium: the myocardium surrounds the LV
            int nx = 64;
            for (int y = 1; y < 63; y++) {
                for (int x = 1; x < 63; x++) {
                    if (s.labels().get(x, y) != 3) continue;
                    int[] nb = {s.labels().get(x - 1, y), s.labels().get(x + 1, y), s.labels().get(x, y - 1), s.labels().get(x, y + 1)};
                    for (int v : nb) assertThat(v).as("neighbour of LV pixel (%d,%d) in %s", x, y, s.id()).isIn(2, 3);
                }
            }
            assertThat(nx).isEqualTo(64);
        }
    }

    @Test
    void rejectsBadOptions() {
        assertThatThrownBy(() -> new SyntheticDatasets.Options(8, 1, 1, 1, 0)).hasMessageContaining("size");
        assertThatThrownBy(() -> new SyntheticDatasets.Options(64, 0, 1, 1, 0)).hasMessageContaining("training=0");
    }
}
