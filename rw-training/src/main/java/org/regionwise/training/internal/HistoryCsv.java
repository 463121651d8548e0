package org.regionwise.training.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.regionwise.core.backend.EpochReport;
import org.regionwise.core.io.AtomicFiles;

/**
 * The metrics history of a run as CSV: {@code epoch,train_loss,learning_rate,seconds,mean_fg_dice,dice_0..dice_{K-1},
 * hd_mm_0..hd_mm_{K-1}}; validation columns are empty on epochs without validation, NaN where a metric is undefined.
 */
public final class HistoryCsv {
    private HistoryCsv() {}

    /** Writes the whole history to {@code file} (via a temporary file and a rename). */
    public static void write(Path file, List<EpochReport> history, int classes) throws IOException {
        StringBuilder b = new StringBuilder("epoch,train_loss,learning_rate,seconds,mean_fg_dice");
        for (int k = 0; k < classes; k++) b.append(",dice_").append(k);
        for (int k = 0; k < classes; k++) b.append(",hd_mm_").append(k);
        b.append('\n');
        for (EpochReport r : history) {
            b.append(r.epoch()).append(',').append(num(r.trainLoss())).append(',').append(num(r.learningRate()))
                    .append(',').append(num(r.seconds())).append(',');
            if (r.validated()) b.append(num(r.meanForegroundDice()));
            for (int k = 0; k < classes; k++) b.append(',').append(r.validated() && k < r.validationDice().size() ? num(r.validationDice().get(k)) : "");
            for (int k = 0; k < classes; k++) {
                b.append(',').append(r.validated() && k < r.validationHausdorffMm().size() ? num(r.validationHausdorffMm().get(k)) : "");
            }
            b.append('\n');
        }
        try {
            AtomicFiles.writeString(file, b.toString());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    public static List<EpochReport> read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<EpochReport> out = new ArrayList<>();
            if (lines.isEmpty()) return out;
            String[] head = lines.get(0).split(",", -1);
            int classes = 0;
            for (String h : head) if (h.startsWith("dice_")) classes++;
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) continue;
                String[] f = lines.get(i).split(",", -1);
                List<Double> dice = new ArrayList<>(), hd = new ArrayList<>();
                if (!f[4].isEmpty()) {
                    for (int k = 0; k < classes; k++) dice.add(Double.parseDouble(f[5 + k]));
                    for (int k = 0; k < classes; k++) hd.add(Double.parseDouble(f[5 + classes + k]));
                }
                out.add(new EpochReport(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]), dice, hd, Double.parseDouble(f[3])));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the history " + file, e);
        }
    }

    private static String num(double v) { return String.format(Locale.ROOT, "%.9g", v); }
}
