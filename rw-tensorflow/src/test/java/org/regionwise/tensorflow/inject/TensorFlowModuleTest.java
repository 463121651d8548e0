package org.regionwise.tensorflow.inject;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.regionwise.core.backend.TrainingBackend;
import org.regionwise.tensorflow.TensorFlowBackend;

class TensorFlowModuleTest {
    @Test
    void contributesTheTensorflowBackendToTheBackendMap() {
        Map<String, TrainingBackend> backends = Guice.createInjector(new TensorFlowModule())
                .getInstance(Key.get(new TypeLiteral<Map<String, TrainingBackend>>() {}));
        assertThat(backends).containsOnlyKeys("tensorflow");
        assertThat(backends.get("tensorflow")).isInstanceOf(TensorFlowBackend.class);
        assertThat(backends.get("tensorflow").name()).isEqualTo("tensorflow");
    }
}
