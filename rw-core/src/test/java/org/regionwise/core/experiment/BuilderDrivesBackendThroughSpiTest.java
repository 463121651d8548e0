package org.regionwise.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.OptimizerSpec;
import org.regionwise.core.backend.TrainedModel;
import org.regionwise.core.backend.TrainingBackend;
import org.regionwise.core.backend.TrainingData;
import org.regionwise.core.backend.TrainingListener;
import org.regionwise.core.backend.TrainingPlan;
import org.regionwise.core.config.RegionWiseConfiguration;
import org.regionwise.core.loss.Losses;
import org.regionwise.core.map.Maps;

/** The builder and the experiment touch a backend only through the SPI: validate at build, train at run. */
class BuilderDrivesBackendThroughSpiTest {

    @Test
    void buildValidatesAndRunTrainsThroughTheSpiOnly() {
        TrainingBackend backend = mock(TrainingBackend.class);
        TrainedModel model = mock(TrainedModel.class);
        TrainingListener listener = mock(TrainingListener.class);
        when(backend.name()).thenReturn("mock");
        when(backend.train(any(), any(), any())).thenReturn(model);
        TrainingData data = TestData.squares();

        Experiment experiment = Experiments.of(RegionWiseConfiguration.of(java.util.Map.of("regionwise.backend", "mock")), backend)
                .experiment()
                .data(data)
                .loss(Losses.regionWise(Maps.rectified()))
                .model(UNet.twoD().depth(3).baseFilters(16))
                .optimizer(Adam.learningRate(1e-3).weightDecay(3e-5))
                .epochs(7)
                .build();

        ArgumentCaptor<TrainingPlan> plan = ArgumentCaptor.forClass(TrainingPlan.class);
        InOrder order = inOrder(backend);
        order.verify(backend).name(); // registration by name
        order.verify(backend).validate(plan.capture());
        verifyNoInteractions(listener, model);

        TrainedModel trained = experiment.run(listener);

        assertThat(trained).isSameAs(model);
        order.verify(backend).name(); // logging
        order.verify(backend).train(same(plan.getValue()), same(data), same(listener));
        verifyNoMoreInteractions(backend);
        verifyNoInteractions(listener, model);

        TrainingPlan p = plan.getValue();
        assertThat(p).isSameAs(experiment.plan());
        assertThat(p.model()).isEqualTo(new ModelSpec.UNet(2, 1, 2, 3, 16, 480, ModelSpec.Normalization.INSTANCE,
                ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, true, 42));
        assertThat(p.loss()).isEqualTo(Losses.rectifiedRegionWise());
        assertThat(p.optimizer()).isEqualTo(new OptimizerSpec(1e-3, 3e-5, false, 0.9, 12));
        assertThat(p.epochs()).isEqualTo(7);
    }
}
