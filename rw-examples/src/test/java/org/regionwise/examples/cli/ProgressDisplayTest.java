package org.regionwise.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.regionwise.core.backend.EpochReport;
import org.regionwise.examples.experiment.RunResult;

/** The plain-line progress for logs: when lines appear, what they say, and that nothing is redrawn. */
class ProgressDisplayTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void linesAppearAtRunBoundariesAndAtMostEveryThirtySeconds() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong(1000 * SECOND);
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
             ProgressDisplay p = new ProgressDisplay("compare", 2, 100, out, ProgressDisplay.Mode.LINES, now::get)) {
            p.runStarted(0, 2, "synthetic-kidney", "rrw", 1);
            for (int s = 0; s < 50; s++) {         // 50 steps of 1 s: lines at 30 s only
                now.addAndGet(SECOND);
                p.step(s / 10, s % 10, 10, 0.5);
            }
            p.epoch(new EpochReport(4, 0.5, 1e-3, List.of(0.99, 0.6, 0.8), List.of(), 1));
            for (int s = 50; s < 100; s++) {       // 50 more: lines at 60 s and 90 s
                now.addAndGet(SECOND);
                p.step(s / 10, s % 10, 10, 0.25);
            }
            p.runFinished(new RunResult("synthetic-kidney", "rrw", 1, List.of(), List.of(), Map.of(), 100, 0, null));
            p.runStarted(1, 2, "synthetic-kidney", "dice", 1);
            now.addAndGet(10 * SECOND);
            p.runFinished(new RunResult("synthetic-kidney", "dice", 1, List.of(), List.of(), Map.of(), 10, 0, "diverged at epoch 0, step 3"));
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\r");
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(8);
        assertThat(lines.get(0)).isEqualTo("compare:   0% 0/200 steps | 1/2 kidney rrw started | 0 s elapsed, ETA ?");
        assertThat(lines.get(1)).isEqualTo("compare:  15% 30/200 steps | 1/2 kidney rrw | e3 L=0.500 | 30 s elapsed, ETA 2 min 50 s");
        assertThat(lines.get(2)).isEqualTo("compare:  30% 60/200 steps | 1/2 kidney rrw | e6 L=0.250 Dice=0.70 | 1 min 00 s elapsed, ETA 2 min 20 s");
        assertThat(lines.get(3)).isEqualTo("compare:  45% 90/200 steps | 1/2 kidney rrw | e9 L=0.250 Dice=0.70 | 1 min 30 s elapsed, ETA 1 min 50 s");
        assertThat(lines.get(4)).isEqualTo("compare:  50% 100/200 steps | 1/2 kidney rrw finished | e10 L=0.250 Dice=0.70 | 1 min 40 s elapsed, ETA 1 min 40 s");
        assertThat(lines.get(5)).isEqualTo("compare:  50% 100/200 steps | 2/2 kidney dice started | 1 min 40 s elapsed, ETA 1 min 40 s");
        assertThat(lines.get(6)).isEqualTo("compare: 100% 200/200 steps | 2/2 kidney dice failed | 1 min 50 s elapsed, ETA 0 s");
        assertThat(lines.get(7)).isEqualTo("compare: done 200/200 steps in 1 min 50 s");
    }

    @Test
    void noneModePrintsNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
             ProgressDisplay p = new ProgressDisplay("train", 1, 10, out, ProgressDisplay.Mode.NONE, System::nanoTime)) {
            p.runStarted(0, 1, "synthetic-lesions", "rrw", 1);
            p.step(0, 0, 10, 1.0);
        }
        assertThat(bytes.size()).isZero();
    }

    @Test
    void autoMustBeResolvedFirst() {
        assertThatThrownBy(() -> new ProgressDisplay("train", 1, 10, System.err, ProgressDisplay.Mode.AUTO, System::nanoTime))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
