package org.regionwise.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.regionwise.core.backend.EpochReport;

class ProgressBarListenerTest {
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void printsOneLinePerEpochAndABarOnlyWhenAsked(boolean drawBar) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
             ProgressBarListener l = new ProgressBarListener(2, out, drawBar)) {
            for (int e = 0; e < 2; e++) {
                for (int s = 0; s < 3; s++) l.onStep(e, s, 3, 1.0 / (s + 1));
                l.onEpoch(new EpochReport(e, 0.5, 1e-4, e == 1 ? List.of(0.9, 0.8) : List.of(), e == 1 ? List.of(1.0, 2.0) : List.of(), 0.1));
            }
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("epoch 1/2 loss 0.5000 lr 1.00e-04 0.1s\n", "epoch 2/2 loss 0.5000 lr 1.00e-04 0.1s dice 0.900 0.800\n");
        if (drawBar) {
            assertThat(text).contains("\r").contains("loss 0.6111");   // the bar's running mean (1 + 1/2 + 1/3) / 3
        } else {
            assertThat(text).doesNotContain("\r");
            assertThat(text.lines()).hasSize(2);
        }
    }
}
