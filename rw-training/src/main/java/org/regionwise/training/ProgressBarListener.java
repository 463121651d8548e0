package org.regionwise.training;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;
import org.regionwise.core.backend.EpochReport;
import org.regionwise.core.backend.TrainingListener;

/**
 * Training progress on a stream (stderr by default): a progress bar per epoch (me.tongfei progressbar) with the
 * running mean loss, and one summary line per epoch with the validation Dice when available. Without a terminal (a
 * log file, CI) the bar, which redraws itself with carriage returns, is left out and only the epoch lines are
 * printed. Close it after training to release the terminal.
 */
public final class ProgressBarListener implements TrainingListener, AutoCloseable {
    private final int epochs;
    private final PrintStream out;
    private final boolean drawBar;
    private @Nullable ProgressBar bar;
    private int barEpoch = -1;
    private double sum;

    /** @param epochs total epochs of the plan; a bar on stderr when the JVM has a terminal, epoch lines only otherwise */
    public ProgressBarListener(int epochs) { this(epochs, System.err, System.console() != null); }

    /**
     * @param epochs  total epochs of the plan (for the task name)
     * @param out     where to print
     * @param drawBar true for the per-epoch bar, false for the epoch lines only
     */
    public ProgressBarListener(int epochs, PrintStream out, boolean drawBar) {
        this.epochs = epochs;
        this.out = out;
        this.drawBar = drawBar;
    }

    @Override public void onStep(int epoch, int step, int stepsPerEpoch, double loss) {
        if (!drawBar) return;
        if (bar == null || barEpoch != epoch) {
            close();
            bar = new ProgressBarBuilder().setTaskName(String.format(Locale.ROOT, "epoch %d/%d", epoch + 1, epochs))
                    .setInitialMax(stepsPerEpoch).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                    .setConsumer(new ConsoleProgressBarConsumer(out)).continuousUpdate().build();
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
        out.println(b);
        out.flush();
    }

    @Override public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
