package org.regionwise.examples.report;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.regionwise.core.backend.EpochReport;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.io.FileTrees;
import org.regionwise.core.io.Nifti;
import org.regionwise.examples.experiment.CaseScore;
import org.regionwise.examples.experiment.RunResult;

/**
 * One finished run of a comparison kept on disk, so that {@code rw compare --resume} rebuilds its
 * {@link RunResult} exactly: {@code result.properties} (dataset, loss, seed, timings, failure, every epoch of the
 * history and every case score, doubles in Java's round-trip form) and {@code predictions/N.nii.gz} (the
 * predictions kept for overlays). Written into a temporary folder and renamed into place, so a kill leaves the run
 * either archived completely or not at all.
 */
public final class RunArchive {
    static final String FILE = "result.properties";

    private RunArchive() {}

    /**
     * Whether {@code dir} holds a complete archive.
     *
     * @param dir a folder
     * @return whether it holds an archive
     */
    public static boolean exists(Path dir) { return Files.isRegularFile(dir.resolve(FILE)); }

    /**
     * Archives {@code r} in {@code dir} atomically (written beside it, then renamed).
     *
     * @param dir the archive folder
     * @param r the finished run
     */
    public static void write(Path dir, RunResult r) {
        Path tmp = dir.resolveSibling("." + dir.getFileName() + ".tmp");
        try {
            if (Files.exists(tmp)) FileTrees.delete(tmp);
            Files.createDirectories(tmp.resolve("predictions"));
            Properties p = new Properties();
            p.setProperty("dataset", r.dataset());
            p.setProperty("loss", r.loss());
            p.setProperty("seed", Long.toString(r.seed()));
            p.setProperty("train_seconds", Double.toString(r.trainSeconds()));
            p.setProperty("eval_seconds", Double.toString(r.evalSeconds()));
            if (r.failure() != null) p.setProperty("failure", r.failure());
            p.setProperty("epochs", Integer.toString(r.history().size()));
            for (int i = 0; i < r.history().size(); i++) {
                EpochReport e = r.history().get(i);
                p.setProperty("history." + i, e.epoch() + ";" + e.trainLoss() + ";" + e.learningRate() + ";" + e.seconds() + ";"
                        + join(e.validationDice()) + ";" + join(e.validationHausdorffMm()) + ";" + join(e.validationPredictedVoxels()));
            }
            p.setProperty("cases", Integer.toString(r.scores().size()));
            for (int i = 0; i < r.scores().size(); i++) {
                CaseScore s = r.scores().get(i);
                p.setProperty("score." + i + ".case", s.caseId());
                p.setProperty("score." + i, join(s.dice()) + ";" + join(s.hausdorffMm()));
            }
            int n = 0;
            for (Map.Entry<String, LabelImage> e : r.predictions().entrySet()) {
                p.setProperty("prediction." + n, e.getKey());
                Nifti.write(tmp.resolve("predictions").resolve(n + ".nii.gz"), e.getValue());
                n++;
            }
            p.setProperty("predictions", Integer.toString(n));
            StringWriter w = new StringWriter();
            p.store(w, "rw compare: one finished run");
            Files.writeString(tmp.resolve(FILE), w.toString(), StandardCharsets.UTF_8);
            if (Files.exists(dir)) FileTrees.delete(dir);
            Files.createDirectories(dir.getParent());
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the finished run in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the run archived in {@code dir}.
     *
     * @param dir the archive folder
     * @return the run
     */
    public static RunResult read(Path dir) {
        Path f = dir.resolve(FILE);
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
            List<EpochReport> history = new ArrayList<>();
            for (int i = 0, n = Integer.parseInt(req(p, "epochs")); i < n; i++) {
                String[] v = req(p, "history." + i).split(";", -1);
                history.add(new EpochReport(Integer.parseInt(v[0]), Double.parseDouble(v[1]), Double.parseDouble(v[2]),
                        split(v[4], Double::parseDouble), split(v[5], Double::parseDouble), Double.parseDouble(v[3]),
                        split(v[6], Long::parseLong)));
            }
            List<CaseScore> scores = new ArrayList<>();
            for (int i = 0, n = Integer.parseInt(req(p, "cases")); i < n; i++) {
                String[] v = req(p, "score." + i).split(";", -1);
                scores.add(new CaseScore(req(p, "score." + i + ".case"), split(v[0], Double::parseDouble), split(v[1], Double::parseDouble)));
            }
            Map<String, LabelImage> predictions = new LinkedHashMap<>();
            for (int i = 0, n = Integer.parseInt(req(p, "predictions")); i < n; i++) {
                predictions.put(req(p, "prediction." + i), Nifti.readLabels(dir.resolve("predictions").resolve(i + ".nii.gz")));
            }
            return new RunResult(req(p, "dataset"), req(p, "loss"), Long.parseLong(req(p, "seed")), history, scores, predictions,
                    Double.parseDouble(req(p, "train_seconds")), Double.parseDouble(req(p, "eval_seconds")), p.getProperty("failure"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kept run " + f + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(f + ": damaged (" + e.getMessage() + "); delete its folder to train that run again", e);
        }
    }

    private static String req(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) throw new IllegalArgumentException("no '" + key + "'");
        return v;
    }

    private static String join(List<? extends Number> values) {
        StringBuilder b = new StringBuilder();
        for (Number v : values) b.append(b.length() > 0 ? "," : "").append(v);
        return b.toString();
    }

    private static <T> List<T> split(String s, Function<String, T> parse) {
        List<T> out = new ArrayList<>();
        if (s.isEmpty()) return out;
        for (String v : s.split(",", -1)) out.add(parse.apply(v));
        return out;
    }
}
