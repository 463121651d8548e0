package org.regionwise.examples.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BackendsTest {
    @Test
    void bothEnginesArePluggedByName() {
        assertThat(Backends.byName("tensorflow").name()).isEqualTo("tensorflow");
        assertThat(Backends.byName(" PyTorch ").name()).isEqualTo("pytorch");
        assertThat(Backends.defaultName()).isEqualTo("tensorflow");
        assertThatThrownBy(() -> Backends.byName("mxnet")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown backend 'mxnet'; known: pytorch, tensorflow");
    }

    @Test
    void settingsValidateAndDescribe() {
        TrainingSettings q = TrainingSettings.quick();
        assertThat(q.plan(org.regionwise.core.loss.Losses.crossEntropy(), 3, 1, 7, null).model().classes()).isEqualTo(3);
        assertThat(q.describe()).containsKeys("epochs", "learning_rate", "patch");
        assertThatThrownBy(() -> q.withPatch(60)).hasMessageContaining("--patch must be >= 8 and a multiple of 2^depth = 8, got 60");
    }
}
