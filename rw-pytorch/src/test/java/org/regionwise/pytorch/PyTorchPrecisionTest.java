package org.regionwise.pytorch;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.OptimizerSpec;
import org.regionwise.core.backend.Precision;
import org.regionwise.core.backend.TrainingPlan;
import org.regionwise.core.loss.Losses;

/** The PyTorch engine runs in fp32 only and says so, naming the engine that has bf16, before any work. */
class PyTorchPrecisionTest {
    private static final TrainingPlan PLAN = new TrainingPlan(new ModelSpec.UNet(2, 1, 2, 2, 4, 16, ModelSpec.Normalization.INSTANCE,
            ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, false, 1), Losses.crossEntropy(), OptimizerSpec.paper(), 1, 1, 1, 16, 1, 1, 1, null);

    @Test
    void bf16IsRefusedWithTheEngineThatHasIt() {
        PyTorchEngine bf16 = new PyTorchEngine(Precision.BF16);
        assertThatThrownBy(() -> bf16.validate(PLAN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fp32 only").hasMessageContaining("--backend tensorflow");
        assertThatThrownBy(() -> bf16.load(Path.of("no-model"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fp32 only");
        assertThatCode(() -> new PyTorchEngine(Precision.FP32).validate(PLAN)).doesNotThrowAnyException();
    }
}
