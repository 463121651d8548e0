package org.regionwise.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.regionwise.core.backend.EpochReport;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.OptimizerSpec;
import org.regionwise.core.backend.TrainedModel;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.backend.TrainingData;
import org.regionwise.core.backend.TrainingPlan;
import org.regionwise.core.config.RegionWiseConfiguration;
import org.regionwise.core.loss.Losses;
import org.regionwise.core.map.Maps;

class ExperimentBuilderTest {
    private final FakeBackend fake = new FakeBackend("fake");
    private final FakeBackend other = new FakeBackend("other");
    private final Experiments experiments = Experiments.of(RegionWiseConfiguration.of(Map.of("regionwise.backend", "fake")), fake, other);

    @Test
    void defaultsAreThePapersRecipe() {
        Experiment e = experiments.experiment().data(TestData.squares()).loss("rrw").model(m -> {}).build();
        TrainingPlan p = e.plan();
        assertThat(p.optimizer()).isEqualTo(OptimizerSpec.paper());
        assertThat(p.epochs()).isEqualTo(100);
        assertThat(p.iterationsPerEpoch()).isEqualTo(250);
        assertThat(p.seed()).isEqualTo(42);
        assertThat(p.outputDirectory()).isNull();
        ModelSpec.UNet u = (ModelSpec.UNet) p.model();
        assertThat(u.dimensions()).isEqualTo(2);
        assertThat(u.classes()).isEqualTo(2);
        assertThat(u.deepSupervision()).isTrue();
        assertThat(u.maxFilters()).isEqualTo(480);
        assertThat(e.backend()).isSameAs(fake);
    }

    @Test
    void everySettingReachesThePlan() {
        Experiment e = experiments.experiment()
                .data(TestData.squares())
                .regionWise(Maps.classBalanced(0.2, 0.8))
                .model(UNet.twoD().depth(5).baseFilters(8).maxFilters(64).normalization(ModelSpec.Normalization.BATCH)
                        .upsampling(ModelSpec.Upsampling.NEAREST_CONVOLUTION).deepSupervision(false).classes(2).seed(7))
                .optimizer(o -> o.decoupledWeightDecay(1e-4).constantLearningRate().noClipping().withLearningRate(3e-4))
                .epochs(3).iterationsPerEpoch(5).batchSize(2).patchSize(32).validateEvery(2).seed(9).threads(2)
                .outputDirectory(Path.of("runs/x"))
                .backend("other")
                .build();
        TrainingPlan p = e.plan();
        assertThat(p.model()).isEqualTo(new ModelSpec.UNet(2, 1, 2, 5, 8, 64, ModelSpec.Normalization.BATCH,
                ModelSpec.Upsampling.NEAREST_CONVOLUTION, false, 7));
        assertThat(p.loss()).isEqualTo(Losses.regionWise(Maps.classBalanced(0.2, 0.8)));
        assertThat(p.optimizer()).isEqualTo(new OptimizerSpec(3e-4, 1e-4, true, 0, 0));
        assertThat(p).extracting(TrainingPlan::epochs, TrainingPlan::iterationsPerEpoch, TrainingPlan::batchSize,
                TrainingPlan::patchSize, TrainingPlan::validateEvery, TrainingPlan::seed, TrainingPlan::threads)
                .containsExactly(3, 5, 2, 32, 2, 9L, 2);
        assertThat(p.outputDirectory()).isEqualTo(Path.of("runs/x"));
        assertThat(e.backend()).isSameAs(other);
    }

    @Test
    void runReturnsTheTrainedModelAndReportsProgress() {
        List<EpochReport> seen = new ArrayList<>();
        Experiment e = experiments.experiment().data(TestData.squares()).loss(Losses.crossEntropy())
                .model(m -> m.depth(2)).epochs(3).iterationsPerEpoch(2).onEpoch(seen::add).build();
        try (TrainedModel model = e.run()) {
            assertThat(model.history()).hasSize(3);
            assertThat(model.segment(TestData.square("t").image()).grid().voxelCount()).isEqualTo(256);
        }
        assertThat(seen).extracting(EpochReport::epoch).containsExactly(0, 1, 2);
        assertThat(fake.plans).hasSize(1);
        // an experiment is reusable and immutable
        e.run().close();
        assertThat(fake.plans).hasSize(2).allSatisfy(p -> assertThat(p).isSameAs(e.plan()));
    }

    @Test
    void inputChannelsFollowTheDataUnlessGivenAndMustMatchIt() {
        Sample one = TestData.square("a");
        Sample two = new Sample("a2", List.of(one.image(), one.image()), one.labels());
        TrainingData data = TrainingData.of("two channels", List.of("background", "square"), List.of(two), List.of(two));
        ModelSpec.UNet u = (ModelSpec.UNet) experiments.experiment().data(data).loss("rrw").model(m -> {}).build().plan().model();
        assertThat(u.inputChannels()).isEqualTo(2);
        assertThat(((ModelSpec.UNet) experiments.experiment().data(TestData.squares()).loss("rrw").model(m -> {}).build().plan().model())
                .inputChannels()).isEqualTo(1);
        assertThatThrownBy(() -> experiments.experiment().data(data).loss("rrw").model(m -> m.inputChannels(1)).build())
                .hasMessageContaining("inputChannels(1)").hasMessageContaining("2 channels");
    }

    @Test
    void mismatchedClassesAndUnknownNamesFailWithUsefulMessages() {
        assertThatThrownBy(() -> experiments.experiment().data(TestData.squares()).loss("rrw").model(m -> m.classes(3)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("classes(3)").hasMessageContaining("2 classes");
        assertThatThrownBy(() -> experiments.experiment().data(TestData.squares()).loss("rrw").model(m -> {}).backend("pytorch").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown training backend 'pytorch'").hasMessageContaining("known backends: fake, other");
        assertThatThrownBy(() -> experiments.experiment().data(TestData.squares()).loss("rw"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown loss 'rw'").hasMessageContaining("rrw, ce");
        assertThatThrownBy(() -> experiments.experiment().data(TestData.squares()).loss("rrw").model(m -> {}).epochs(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("epochs must be >= 1, got 0");
    }

    @Test
    void theBackendRejectsWhatItCannotDoAtBuildTime() {
        assertThatThrownBy(() -> experiments.experiment().data(TestData.squares()).loss("rrw").model(UNet.threeD()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2D U-Nets only");
        assertThat(fake.plans).isEmpty();
    }

    @Test
    void discoveryFindsBackendModulesOnTheClassPath() {
        Experiments found = Experiments.discover(RegionWiseConfiguration.of(Map.of("regionwise.backend", "other-fake")));
        assertThat(found.backendNames()).containsExactly("fake", "other-fake", "tensorflow");
        assertThat(found.configuredBackend().name()).isEqualTo("other-fake");
        Experiment e = found.experiment().data(TestData.squares()).loss("dice").model(m -> {}).build();
        assertThat(e.backend().name()).isEqualTo("other-fake");
    }
}
