package org.regionwise.tensorflow.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.regionwise.core.backend.Precision;
import org.regionwise.core.config.RegionWiseConfiguration;
import org.regionwise.core.experiment.Experiments;
import org.regionwise.tensorflow.TensorFlowEngine;
import org.regionwise.training.EngineBackend;

/** {@code regionwise.precision} selects the TensorFlow engine's arithmetic when Guice creates the backend. */
class PrecisionConfigurationTest {

    private static Precision precisionOf(RegionWiseConfiguration c) {
        EngineBackend b = (EngineBackend) Experiments.discover(c).backend("tensorflow");
        return ((TensorFlowEngine) b.engine()).precision();
    }

    @Test
    void theConfigurationChoosesThePrecision() {
        assertThat(precisionOf(RegionWiseConfiguration.defaults())).isEqualTo(Precision.FP32);
        assertThat(precisionOf(RegionWiseConfiguration.of(Map.of(RegionWiseConfiguration.PRECISION, "bf16")))).isEqualTo(Precision.BF16);
        assertThat(precisionOf(RegionWiseConfiguration.of(Map.of(RegionWiseConfiguration.PRECISION, " FP32 ")))).isEqualTo(Precision.FP32);
    }

    @Test
    void anUnknownPrecisionNamesItsSource() {
        RegionWiseConfiguration c = RegionWiseConfiguration.of(Map.of(RegionWiseConfiguration.PRECISION, "fp16"));
        assertThatThrownBy(c::precision).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fp16").hasMessageContaining("fp32 or bf16").hasMessageContaining("regionwise.precision");
    }
}
