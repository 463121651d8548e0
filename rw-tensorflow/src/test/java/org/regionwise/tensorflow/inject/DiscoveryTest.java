package org.regionwise.tensorflow.inject;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.regionwise.core.config.RegionWiseConfiguration;
import org.regionwise.core.experiment.Experiments;
import org.regionwise.tensorflow.TensorFlowBackend;

/** With rw-tensorflow on the class path, {@code Experiments.discover()} finds the backend without any Guice code. */
class DiscoveryTest {
    @Test
    void discoverFindsTheTensorflowBackendNextToTheMapsAndMetricsModules() {
        Experiments experiments = Experiments.discover(RegionWiseConfiguration.defaults());
        assertThat(experiments.backendNames()).contains("tensorflow");
        assertThat(experiments.backend("tensorflow")).isInstanceOf(TensorFlowBackend.class);
    }
}
