package org.regionwise.training.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.regionwise.core.backend.EpochReport;
import org.regionwise.core.io.AtomicFiles;
import org.regionwise.training.CollapseDetector;
import org.regionwise.training.CollapsePolicy;

/**
 * The metrics history of a run as CSV: {@code epoch,train_loss,learning_rate,seconds,mean_fg_dice,dice_0..dice_{K-1},
 * hd_mm_0..hd_mm_{K-1},pred_voxels_0..pred_voxels_{K-1},collapsed}; validation columns are empty on epochs without
 * validation, NaN where a metric is undefined. {@code pred_voxels_k} is the number of validation voxels predicted as
 * class k; {@code collapsed} lists the classes ({@code ;}-separated) that the {@link CollapseDetector} holds collapsed
 * at that epoch. Files without the last two groups (older runs) still read.
 */
public final class HistoryCsv {
    private HistoryCsv() {}

    /** Writes the whole history to {@code file} (via a temporary file and a rename), without a collapse column. */
    public static void write(Path file, List<EpochReport> history, int classes) throws IOException {
        write(file, history, classes, null);
    }

    /** Writes the whole history; {@code collapse} (resolved) fills the {@code collapsed} column, empty when null. */
    public static void write(Path file, List<EpochReport> history, int classes, @Nullable CollapsePolicy collapse) throws IOException {
        StringBuilder b = new StringBuilder("epoch,train_loss,learning_rate,seconds,mean_fg_dice");
        for (int k = 0; k < classes; k++) b.append(",dice_").append(k);
        for (int k = 0; k < classes; k++) b.append(",hd_mm_").append(k);
        for (int k = 0; k < classes; k++) b.append(",pred_voxels_").append(k);
        b.append(",collapsed\n");
        CollapseDetector detector = collapse == null ? null : new CollapseDetector(collapse);
        for (EpochReport r : history) {
            b.append(r.epoch()).append(',').append(num(r.trainLoss())).append(',').append(num(r.learningRate()))
                    .append(',').append(num(r.seconds())).append(',');
            if (r.validated()) b.append(num(r.meanForegroundDice()));
            for (int k = 0; k < classes; k++) b.append(',').append(r.validated() && k < r.validationDice().size() ? num(r.validationDice().get(k)) : "");
            for (int k = 0; k < classes; k++) {
                b.append(',').append(r.validated() && k < r.validationHausdorffMm().size() ? num(r.validationHausdorffMm().get(k)) : "");
            }
            for (int k = 0; k < classes; k++) {
                b.append(',').append(k < r.validationPredictedVoxels().size() ? Long.toString(r.validationPredictedVoxels().get(k)) : "");
            }
            b.append(',');
            if (detector != null) {
                detector.update(r);
                List<String> c = new ArrayList<>();
                for (int k : detector.collapsedNow()) c.add(Integer.toString(k));
                b.append(String.join(";", c));
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
            boolean voxels = false;
            for (String h : head) {
                if (h.startsWith("dice_")) classes++;
                if (h.startsWith("pred_voxels_")) voxels = true;
            }
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) continue;
                String[] f = lines.get(i).split(",", -1);
                List<Double> dice = new ArrayList<>(), hd = new ArrayList<>();
                List<Long> pred = new ArrayList<>();
                if (!f[4].isEmpty()) {
                    for (int k = 0; k < classes; k++) dice.add(Double.parseDouble(f[5 + k]));
                    for (int k = 0; k < classes; k++) hd.add(Double.parseDouble(f[5 + classes + k]));
                    if (voxels && !f[5 + 2 * classes].isEmpty()) {
                        for (int k = 0; k < classes; k++) pred.add(Long.parseLong(f[5 + 2 * classes + k]));
                    }
                }
                out.add(new EpochReport(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]), dice, hd,
                        Double.parseDouble(f[3]), pred));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the history " + file, e);
        }
    }

    private static String num(double v) { return String.format(Locale.ROOT, "%.9g", v); }
}
