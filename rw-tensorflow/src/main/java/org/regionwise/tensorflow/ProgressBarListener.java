package org.regionwise.tensorflow;

import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;
import org.regionwise.core.backend.EpochReport;
import org.regionwise.core.backend.TrainingListener;

/**
 * A console progress bar per epoch (me.tongfei progressbar) showing the running mean loss, and one summary line per
 * epoch with validation Dice when available. Close it after training to release the terminal.
 */
public final class ProgressBarListener implements TrainingListener, AutoCloseable {
    private final int epochs;
    private @Nullable ProgressBar bar;
    private int barEpoch = -1;
    private double sum;

    /** @param epochs total epochs of the plan (for the task name) */
    public ProgressBarListener(int epochs) { this.epochs = epochs; }

    @Override public void onStep(int epoch, int step, int stepsPerEpoch, double loss) {
        if (bar == null || barEpoch != epoch) {
            close();
            bar = new ProgressBarBuilder().setTaskName(String.format(Locale.ROOT, "epoch %d/%d", epoch + 1, epochs))
                    .setInitialMax(stepsPerEpoch).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                    .continuousUpdate().build();
            barEpoch = epoch;
            sum = 0;
        }
        sum += loss;
        bar.stepTo(step + 1);
        bar.setExtraMessage(String.format(Locale.ROOT, "loss %.4f", sum / (step + 1)));
    }

    @Override public void onEpoch(EpochReport r) {
        close();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "epoch %d/%d loss %.4f lr %.2e %.1fs", r.epoch() + 1, epochs,
                r.trainLoss(), r.learningRate(), r.seconds()));
        if (r.validated()) {
            b.append(" dice");
            for (double d : r.validationDice()) b.append(String.format(Locale.ROOT, " %.3f", d));
        }
        System.err.println(b);
    }

    @Override public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
