package org.regionwise.tensorflow;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.regionwise.core.backend.EpochReport;

class ProgressBarListenerTest {
    @Test
    void drawsStepsAndEpochsAndClosesCleanly() {
        assertThatCode(() -> {
            try (ProgressBarListener l = new ProgressBarListener(2)) {
                for (int e = 0; e < 2; e++) {
                    for (int s = 0; s < 3; s++) l.onStep(e, s, 3, 1.0 / (s + 1));
                    l.onEpoch(new EpochReport(e, 0.5, 1e-4, e == 1 ? List.of(0.9, 0.8) : List.of(), e == 1 ? List.of(1.0, 2.0) : List.of(), 0.1));
                }
            }
        }).doesNotThrowAnyException();
    }
}
