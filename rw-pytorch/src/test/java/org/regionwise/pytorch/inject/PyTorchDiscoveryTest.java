package org.regionwise.pytorch.inject;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.regionwise.core.backend.TrainingBackend;
import org.regionwise.core.config.RegionWiseConfiguration;
import org.regionwise.core.experiment.Experiments;
import org.regionwise.pytorch.PyTorchBackend;

/** "pytorch" in the Guice MapBinder, found by ServiceLoader discovery, and selected by every configuration source. */
class PyTorchDiscoveryTest {

    @Test
    void contributesThePytorchBackendToTheBackendMap() {
        Map<String, TrainingBackend> backends = Guice.createInjector(new PyTorchModule())
                .getInstance(Key.get(new TypeLiteral<Map<String, TrainingBackend>>() {}));
        assertThat(backends).containsOnlyKeys("pytorch");
        assertThat(backends.get("pytorch")).isInstanceOf(PyTorchBackend.class);
        assertThat(backends.get("pytorch").name()).isEqualTo("pytorch");
    }

    @Test
    void discoveryFindsBothEnginesAndConfigurationSelectsPytorch() {
        Path none = Path.of("/nonexistent-working-directory");
        for (RegionWiseConfiguration c : java.util.List.of(
                RegionWiseConfiguration.load(Map.of("regionwise.backend", "pytorch"), Map.of(), none),
                RegionWiseConfiguration.load(Map.of(), Map.of("REGIONWISE_BACKEND", "pytorch"), none),
                RegionWiseConfiguration.of(Map.of("regionwise.backend", "pytorch")))) {
            Experiments experiments = Experiments.discover(c);
            assertThat(experiments.backendNames()).contains("pytorch", "tensorflow");
            assertThat(experiments.configuredBackend()).isInstanceOf(PyTorchBackend.class);
        }
    }
}
