package org.regionwise.core.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** nnU-Net's anisotropy rule for kernels and strides, and the U-Net spec that carries them. */
class PoolingTest {

    @Test
    void isotropicAndMildlyAnisotropicSpacingPoolsEveryAxisWithThreeVoxelKernels() {
        for (double[] sp : new double[][] {{1, 1, 1}, {0.8, 0.8, 1.5}, {1, 2, 1}, {1, 1}}) {
            Pooling p = Pooling.forSpacing(sp, 4);
            for (List<Integer> k : p.convKernels()) assertThat(k).containsOnly(3);
            for (List<Integer> s : p.poolStrides()) assertThat(s).containsOnly(2);
            assertThat(p.convKernels()).hasSize(5);
            assertThat(p.poolStrides()).hasSize(4);
        }
    }

    @Test
    void aThickSliceAxisWaitsUntilTheOthersCatchUp() {
        // 0.5 x 0.5 x 3 mm: z is 6x the finest; pooled once x, y reach 1 mm... z <= 2 x 1.5? no: 2 x (0.5 * 2^k)
        Pooling p = Pooling.forSpacing(new double[] {0.5, 0.5, 3}, 4);
        // stage 0: (0.5, 0.5, 3): z > 1 -> kernel 3x3x1, stride 2x2x1
        assertThat(p.convKernels().get(0)).containsExactly(3, 3, 1);
        assertThat(p.poolStrides().get(0)).containsExactly(2, 2, 1);
        // stage 1: (1, 1, 3): z > 2 -> the same
        assertThat(p.convKernels().get(1)).containsExactly(3, 3, 1);
        assertThat(p.poolStrides().get(1)).containsExactly(2, 2, 1);
        // stage 2: (2, 2, 3): z <= 4 -> every axis
        assertThat(p.convKernels().get(2)).containsExactly(3, 3, 3);
        assertThat(p.poolStrides().get(2)).containsExactly(2, 2, 2);
        // stage 3: (4, 4, 6)
        assertThat(p.poolStrides().get(3)).containsExactly(2, 2, 2);
        assertThat(p.convKernels().get(4)).containsExactly(3, 3, 3);
        ModelSpec.UNet s = new ModelSpec.UNet(3, 1, 2, 4, 8, 64, ModelSpec.Normalization.INSTANCE,
                ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, true, 1, p.convKernels(), p.poolStrides());
        assertThat(s.factor(2)).containsExactly(4, 4, 1);
        assertThat(s.factor(4)).containsExactly(16, 16, 4);
        assertThat(s.multiple(2)).isEqualTo(4);
        assertThat(s.isotropic()).isFalse();
        assertThat(s.kernel(0)).containsExactly(3, 3, 1);
        assertThat(s.stride(1)).containsExactly(2, 2, 1);
    }

    @Test
    void theTenArgumentSpecIsIsotropicAndEqualsTheExplicitOne() {
        ModelSpec.UNet a = new ModelSpec.UNet(3, 1, 2, 3, 8, 64, ModelSpec.Normalization.INSTANCE,
                ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, true, 1);
        Pooling p = Pooling.forSpacing(new double[] {1, 1, 1}, 3);
        ModelSpec.UNet b = new ModelSpec.UNet(3, 1, 2, 3, 8, 64, ModelSpec.Normalization.INSTANCE,
                ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, true, 1, p.convKernels(), p.poolStrides());
        assertThat(a).isEqualTo(b);
        assertThat(a.isotropic()).isTrue();
        assertThat(a.multiple(0)).isEqualTo(8);
        assertThat(a.factor(0)).containsExactly(1, 1, 1);
    }

    @Test
    void formatAndParseRoundTrip() {
        Pooling p = Pooling.forSpacing(new double[] {0.5, 0.5, 3}, 3);
        assertThat(Pooling.format(p.poolStrides())).isEqualTo("2x2x1,2x2x1,2x2x2");
        assertThat(Pooling.parse(Pooling.format(p.convKernels()))).isEqualTo(p.convKernels());
        assertThat(Pooling.parse("")).isEmpty();
    }

    @Test
    void badKernelsStridesAndSpacingsAreRefusedByName() {
        assertThatThrownBy(() -> new ModelSpec.UNet(3, 1, 2, 2, 8, 64, ModelSpec.Normalization.INSTANCE,
                ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, true, 1, List.of(), List.of(List.of(2, 2, 2))))
                .hasMessageContaining("poolStrides needs 2 stages");
        assertThatThrownBy(() -> new ModelSpec.UNet(2, 1, 2, 1, 8, 64, ModelSpec.Normalization.INSTANCE,
                ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, true, 1, List.of(List.of(3, 5), List.of(3, 3)), List.of()))
                .hasMessageContaining("convKernels values must be 1 or 3");
        assertThatThrownBy(() -> new ModelSpec.UNet(3, 1, 2, 2, 8, 64, ModelSpec.Normalization.INSTANCE,
                ModelSpec.Upsampling.BILINEAR_CONVOLUTION, true, 1))
                .hasMessageContaining("TRANSPOSED_CONVOLUTION");
        assertThatThrownBy(() -> Pooling.forSpacing(new double[] {1, 0, 1}, 2)).hasMessageContaining("positive");
    }
}
