package org.regionwise.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.core.backend.EpochReport;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.OptimizerSpec;
import org.regionwise.core.backend.TrainingListener;
import org.regionwise.core.backend.TrainingPlan;
import org.regionwise.core.loss.Losses;
import org.regionwise.training.conformance.SyntheticData;

/** The collapse detector on histories and on a network forced to predict background. */
class CollapseDetectionTest {

    static EpochReport validated(int epoch, double dice1, long pred1, double dice2, long pred2) {
        return new EpochReport(epoch, 0.5, 1e-3, List.of(0.9, dice1, dice2), List.of(1.0, 2.0, 3.0), 1, List.of(100L, pred1, pred2));
    }

    @Test
    void automaticPolicyFollowsTheDocumentedRule() {
        assertThat(CollapsePolicy.auto().resolve(30, 1)).isEqualTo(new CollapsePolicy(6, 6, false));
        assertThat(CollapsePolicy.auto().resolve(10, 1)).isEqualTo(new CollapsePolicy(2, 3, false));
        assertThat(CollapsePolicy.auto().resolve(100, 2)).isEqualTo(new CollapsePolicy(20, 10, false));
        assertThat(new CollapsePolicy(0, 4, true).resolve(100, 2)).isEqualTo(new CollapsePolicy(0, 4, true));
        assertThatThrownBy(() -> new CollapsePolicy(0, 0, false)).hasMessageContaining("patience must be >= 1");
    }

    @Test
    void flagsAClassAfterPatienceConsecutiveEmptyValidationsAfterWarmUpOnce() {
        CollapseDetector d = new CollapseDetector(new CollapsePolicy(2, 3, false));
        List<List<Integer>> flags = new ArrayList<>();
        // class 1 predicted nowhere from epoch 0; class 2 predicted nowhere but absent from the references (Dice NaN)
        for (int e = 0; e < 7; e++) flags.add(d.update(validated(e, 0, 0, Double.NaN, 0)));
        // epochs 0, 1 are warm-up; 2, 3, 4 collapsed -> flagged at epoch 4, never again
        assertThat(flags).containsExactly(List.of(), List.of(), List.of(), List.of(), List.of(1), List.of(), List.of());
        assertThat(d.flagged()).isEqualTo(Map.of(1, 4));
        assertThat(d.collapsedNow()).containsExactly(1);
        d.update(validated(7, 0.2, 15, Double.NaN, 0));
        assertThat(d.collapsedNow()).isEmpty();
        assertThat(d.flagged()).isEqualTo(Map.of(1, 4));
    }

    @Test
    void aPredictionInBetweenResetsTheCountAndUnvalidatedEpochsDoNotCount() {
        CollapseDetector d = new CollapseDetector(new CollapsePolicy(0, 3, false));
        d.update(validated(0, 0, 0, 0.5, 10));
        d.update(validated(1, 0, 0, 0.5, 10));
        d.update(new EpochReport(2, 0.5, 1e-3, List.of(), List.of(), 1));
        d.update(validated(3, 0.1, 3, 0.5, 10));
        d.update(validated(4, 0, 0, 0.5, 10));
        d.update(validated(5, 0, 0, 0.5, 10));
        assertThat(d.flagged()).isEmpty();
        assertThat(d.update(validated(6, 0, 0, 0.5, 10))).containsExactly(1);
    }

    static TrainingPlan plan(int epochs, Path out) {
        ModelSpec.UNet spec = new ModelSpec.UNet(2, 1, 3, 3, 4, 16, ModelSpec.Normalization.INSTANCE,
                ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, false, 1);
        return new TrainingPlan(spec, Losses.rectifiedRegionWise(), OptimizerSpec.paper(), epochs, 1, 2, 32, 1, 1, 1, out);
    }

    @Test
    void aNetworkForcedToPredictBackgroundIsFlaggedInTheHistoryAndStopsTheRunWhenAsked(@TempDir Path dir) throws Exception {
        SyntheticData data = new SyntheticData(2, 32, 3, 4);
        TrainerOptions watch = new TrainerOptions(new PipelineOptions(0, 1), new CollapsePolicy(1, 2, false), false);
        try (NetworkModel m = new EngineBackend(new BackgroundEngine(), watch).train(plan(5, dir.resolve("a")), data, TrainingListener.none())) {
            assertThat(m.history()).hasSize(5);
            assertThat(m.history().get(4).validationPredictedVoxels()).containsExactly(32L * 32, 0L, 0L);
            assertThat(CollapseDetector.scan(m.history(), new CollapsePolicy(1, 2, false))).isEqualTo(Map.of(1, 2, 2, 2));
        }
        List<String> csv = Files.readAllLines(dir.resolve("a/history.csv"));
        assertThat(csv.get(0)).endsWith(",pred_voxels_0,pred_voxels_1,pred_voxels_2,collapsed");
        assertThat(csv.subList(1, 6)).extracting(l -> l.substring(l.lastIndexOf(',') + 1)).containsExactly("", "", "1;2", "1;2", "1;2");

        TrainerOptions stop = watch.withCollapse(new CollapsePolicy(1, 2, true));
        assertThatThrownBy(() -> new EngineBackend(new BackgroundEngine(), stop).train(plan(5, dir.resolve("b")), data, TrainingListener.none()))
                .isInstanceOf(TrainingCollapsedException.class)
                .hasMessageContaining("class 1 'disk' predicted nowhere on validation for 2 validations (epoch 3)")
                .hasMessageContaining("try --loss gradual-rrw-dice")
                .satisfies(e -> assertThat(((TrainingCollapsedException) e).classes()).containsExactly(1, 2));
        // the collapsed epoch's checkpoint and history are on disk
        assertThat(Files.readAllLines(dir.resolve("b/history.csv"))).hasSize(4);
    }
}
