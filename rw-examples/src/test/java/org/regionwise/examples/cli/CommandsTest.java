package org.regionwise.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.io.Nifti;
import org.regionwise.core.io.Png;
import org.regionwise.examples.data.CardiacPhantom;
import org.regionwise.examples.data.SplitDataset;
import org.regionwise.examples.data.SyntheticDatasets;
import org.regionwise.examples.report.Csv;
import org.regionwise.examples.testing.GaussianIntensityBackend;
import org.regionwise.examples.testing.TinyNnUnet;
import picocli.CommandLine;

/** The rw train / predict / compare commands in-process, with the instant test backend. */
class CommandsTest {
    @TempDir Path dir;

    private record Result(int code, String out, String err) {}

    private Result rw(String... args) { return rw(false, args); }

    /** With {@code realTraining}, rw train uses the real TensorFlow backend (an engine the planner can time). */
    private Result rw(boolean realTraining, String... args) {
        CommandLine cl = RwCommand.commandLine();
        for (String name : List.of("train", "predict", "compare")) {
            Object c = cl.getSubcommands().get(name).getCommand();
            if (c instanceof TrainCommand t) t.backends = realTraining ? (n, q) -> new org.regionwise.tensorflow.TensorFlowBackend(q) : (n, q) -> new GaussianIntensityBackend();
            if (c instanceof PredictCommand p) p.backends = realTraining ? (n, q) -> new org.regionwise.tensorflow.TensorFlowBackend(q) : (n, q) -> new GaussianIntensityBackend();
            if (c instanceof CompareCommand m) m.backends = (n, q) -> new GaussianIntensityBackend();
        }
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void compareWritesTheReportAndSaysWhere() throws Exception {
        Path report = dir.resolve("report");
        Result r = rw("compare", "--datasets", "synthetic-lesions", "--losses", "rrw,gradual:dice,rrw", "--epochs", "2",
                "--iterations", "2", "--size", "32", "--no-progress", "--out", report.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 datasets x 2 losses x 1 seeds = 2 runs", "report: " + report.toAbsolutePath().resolve("report.md"));
        assertThat(report.resolve("report.md")).exists();
        assertThat(Csv.parse(Files.readString(report.resolve("summary.csv")))).hasSize(1 + 2);
    }

    @Test
    void trainingFromTheCaseCacheScoresExactlyAsTrainingFromMemory() throws Exception {
        Path data = dir.resolve("Dataset002_Tiny");
        TinyNnUnet.write(data, 10, true, TinyNnUnet.DATASET_JSON_V2);
        String[] common = {"train", "--dataset", "nnunet:" + data, "--loss", "rrw", "--no-plan", "--epochs", "2", "--iterations", "3",
                "--depth", "2", "--patch", "8", "--batch", "4", "--threads", "1", "--no-progress"};
        Result cached = rw(true, concat(common, "--out", dir.resolve("cached").toString()));
        assertThat(cached.code()).as(cached.err()).isZero();
        assertThat(cached.out()).contains("case cache " + dir.resolve("rw-cache").resolve("Dataset002_Tiny").toAbsolutePath(), "10 cases, 10 written");
        Result memory = rw(true, concat(common, "--no-cache", "--out", dir.resolve("memory").toString()));
        assertThat(memory.code()).as(memory.err()).isZero();
        assertThat(memory.out()).doesNotContain("case cache");
        assertThat(dir.resolve("cached/run.yaml")).content().contains("  cache: float32\n");
        assertThat(dir.resolve("memory/run.yaml")).content().contains("  cache: none\n");
        // sliding-window prediction with mirroring, windows of the training patch (8 px) over 12 x 10 slices
        Path sw = dir.resolve("sw");
        Result p = rw(true, "predict", "--model", dir.resolve("cached").toString(), "--input", data.resolve("imagesTs").toString(),
                "--out", sw.toString(), "--sliding-window", "--tta");
        assertThat(p.code()).as(p.err()).isZero();
        assertThat(Nifti.readLabels(sw.resolve("test_000.nii.gz")).grid().sizes()).containsExactly(12, 10, 6);
        assertThat(Nifti.readLabels(sw.resolve("test_000.nii.gz")).maxLabel()).isLessThan(3);
        Result contradicts = rw(true, "train", "--resume", dir.resolve("cached").toString(), "--cache-float16");
        assertThat(contradicts.code()).isEqualTo(CliErrors.USER_ERROR);
        assertThat(contradicts.err()).contains("--cache-float16 true (recorded: float32)");
        // same batches, so the same weights, losses and test scores, bit for bit
        assertThat(Files.readString(dir.resolve("cached/test-scores.csv"))).isEqualTo(Files.readString(dir.resolve("memory/test-scores.csv")));
        assertThat(column(dir.resolve("cached/history.csv"), "train_loss")).isEqualTo(column(dir.resolve("memory/history.csv"), "train_loss"));
        // a second run reuses every case file
        Result again = rw(true, concat(common, "--out", dir.resolve("again").toString()));
        assertThat(again.out()).contains("0 written and 10 up to date");
        assertThat(Files.readString(dir.resolve("again/test-scores.csv"))).isEqualTo(Files.readString(dir.resolve("memory/test-scores.csv")));
    }

    @Test
    void predictWithWorkersWritesEveryCaseAndSkipExistingContinuesAKilledRun() throws Exception {
        Path data = dir.resolve("Dataset003_Tiny");
        TinyNnUnet.write(data, 10, true, TinyNnUnet.DATASET_JSON_V2);
        Path imgs = data.resolve("imagesTr");
        Path run = dir.resolve("run-p");
        Result t = rw("train", "--dataset", "nnunet:" + data, "--no-plan", "--epochs", "1", "--iterations", "1", "--depth", "2",
                "--patch", "8", "--no-progress", "--out", run.toString());
        assertThat(t.code()).as(t.err()).isZero();
        Path serial = dir.resolve("serial"), parallel = dir.resolve("parallel");
        assertThat(rw("predict", "--model", run.toString(), "--input", imgs.toString(), "--out", serial.toString()).code()).isZero();
        Result p = rw("predict", "--model", run.toString(), "--input", imgs.toString(), "--out", parallel.toString(), "--workers", "3",
                "--progress", "lines");
        assertThat(p.code()).as(p.err()).isZero();
        assertThat(p.err()).contains("predict [10/10]");
        for (int c = 0; c < 10; c++) {
            String n = String.format("case_%03d.nii.gz", c);
            assertThat(Nifti.readLabels(parallel.resolve(n)).data()).as(n).containsExactly(Nifti.readLabels(serial.resolve(n)).data());
        }
        // a run killed after 7 cases: the 7 outputs are complete (atomic writes) and kept, the other 3 are written
        for (int c = 7; c < 10; c++) Files.delete(parallel.resolve(String.format("case_%03d.nii.gz", c)));
        long before = Files.getLastModifiedTime(parallel.resolve("case_000.nii.gz")).toMillis();
        Thread.sleep(20);
        Result again = rw("predict", "--model", run.toString(), "--input", imgs.toString(), "--out", parallel.toString(), "--skip-existing");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("7 of 10 outputs exist and are kept").contains("case_009.nii.gz").doesNotContain("case_000_0000.nii.gz ->");
        assertThat(Files.getLastModifiedTime(parallel.resolve("case_000.nii.gz")).toMillis()).isEqualTo(before);
        assertThat(parallel.resolve("case_008.nii.gz")).exists();
        Result fake = rw("predict", "--model", run.toString(), "--input", imgs.toString(), "--out", dir.resolve("sw2").toString(), "--tta");
        assertThat(fake.code()).isEqualTo(CliErrors.USER_ERROR);
        assertThat(fake.err()).contains("need a model of an engine backend");
    }

    @Test
    void compareOnAnNnUnetFolderFromTheCaseCacheWritesTheSameScores() throws Exception {
        Path data = dir.resolve("Dataset004_Tiny");
        TinyNnUnet.write(data, 10, true, TinyNnUnet.DATASET_JSON_V2);
        String[] common = {"compare", "--datasets", "nnunet:" + data, "--losses", "dice,ce", "--epochs", "1", "--iterations", "2",
                "--patch", "8", "--depth", "2", "--no-progress"};
        Result cached = rw(concat(common, "--cache", dir.resolve("caches").toString(), "--out", dir.resolve("rep-cache").toString()));
        assertThat(cached.code()).as(cached.err()).isZero();
        assertThat(cached.out()).contains("10 cases, 10 written");
        assertThat(dir.resolve("caches/Dataset004_Tiny/case_000.rwcase")).exists();
        Result memory = rw(concat(common, "--out", dir.resolve("rep-memory").toString()));
        assertThat(memory.code()).as(memory.err()).isZero();
        assertThat(Files.readString(dir.resolve("rep-cache/scores.csv"))).isEqualTo(Files.readString(dir.resolve("rep-memory/scores.csv")));
    }

    @Test
    void physicalSpacingMeasuresTheMapsInMillimetresAndIsRecorded() throws Exception {
        Path data = dir.resolve("Dataset005_Small");
        org.regionwise.examples.data.SyntheticNnUnet.write(data, 6, new int[] {40, 40, 20}, ".nii", 4); // 1 x 1 x 2 mm
        String[] common = {"train", "--dataset", "nnunet:" + data, "--loss", "rrw", "--no-plan", "--epochs", "1", "--iterations", "3",
                "--depth", "2", "--patch", "16", "--batch", "4", "--threads", "1", "--slice-axis", "0", "--no-progress"};
        Result mm = rw(true, concat(common, "--physical-spacing", "--out", dir.resolve("mm").toString()));
        assertThat(mm.code()).as(mm.err()).isZero();
        Result vox = rw(true, concat(common, "--out", dir.resolve("vox").toString()));
        assertThat(vox.code()).as(vox.err()).isZero();
        assertThat(dir.resolve("mm/run.yaml")).content().contains("  physical_spacing: true\n");
        assertThat(dir.resolve("vox/run.yaml")).content().contains("  physical_spacing: false\n");
        // same patches, other maps: another loss from the first step
        assertThat(column(dir.resolve("mm/history.csv"), "train_loss")).isNotEqualTo(column(dir.resolve("vox/history.csv"), "train_loss"));
        Result contradicts = rw(true, "train", "--resume", dir.resolve("vox").toString(), "--physical-spacing");
        assertThat(contradicts.code()).isEqualTo(CliErrors.USER_ERROR);
        assertThat(contradicts.err()).contains("--physical-spacing true (recorded: false)");
    }

    @Test
    void threeDTrainsOnVolumesThenPredictAndEvaluateReproduceItsTestScores() throws Exception {
        Path data = dir.resolve("Dataset006_Volumes");
        org.regionwise.examples.data.SyntheticNnUnet.write(data, 6, new int[] {28, 28, 20}, ".nii", 6); // 1 x 1 x 2 mm
        String[] common = {"train", "--dims", "3", "--dataset", data.toString(), "--loss", "rrw+dice", "--epochs", "2",
                "--iterations", "3", "--depth", "2", "--patch", "16", "--batch", "2", "--threads", "1", "--no-progress"};
        Result r = rw(true, concat(common, "--out", dir.resolve("r3").toString()));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("validation volumes").contains("3D U-Net");
        assertThat(dir.resolve("r3/run.yaml")).content().contains("  dimensions: 3\n");
        assertThat(dir.resolve("r3/model/model.properties")).content().contains("dimensions=3");
        List<List<String>> scores = Csv.parse(Files.readString(dir.resolve("r3/test-scores.csv")));
        assertThat(scores).hasSize(1 + 2 * 2); // two test volumes, two foreground classes

        // rw predict on imagesTs (3D windows of the 16^3 patch) and rw evaluate give the same Dice as the run's scoring
        Result p = rw(true, "predict", "--model", dir.resolve("r3").toString(), "--input", data.resolve("imagesTs").toString(),
                "--out", dir.resolve("pred").toString(), "--no-progress");
        assertThat(p.code()).as(p.err()).isZero();
        LabelImage seg = org.regionwise.core.io.Nifti.readLabels(dir.resolve("pred/test_0000.nii"));
        assertThat(seg.grid().sizes()).containsExactly(28, 28, 20);
        assertThat(seg.grid().spacing(2)).isEqualTo(2.0);
        Result e = rw("evaluate", "--pred", dir.resolve("pred").toString(), "--ref", data.resolve("labelsTs").toString(),
                "--format", "csv", "--out", dir.resolve("eval.csv").toString(), "--no-progress");
        assertThat(e.code()).as(e.err()).isZero();
        List<List<String>> ev = Csv.parse(Files.readString(dir.resolve("eval.csv")));
        int checked = 0;
        for (List<String> row : scores.subList(1, scores.size())) {
            String id = row.get(0).substring(row.get(0).lastIndexOf('/') + 1);
            for (List<String> q : ev) {
                if (q.get(0).equals(id) && q.get(1).equals(row.get(1)) && q.get(2).equals("dice")) {
                    assertThat(Double.parseDouble(q.get(5))).as("%s class %s", id, row.get(1)).isCloseTo(Double.parseDouble(row.get(3)), within(1e-5));
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(4);

        // the run file replays the 3D run: the same scores
        Result again = rw(true, "train", "--config", dir.resolve("r3/run.yaml").toString(), "--out", dir.resolve("r3b").toString(), "--no-progress");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(dir.resolve("r3b/test-scores.csv")).hasSameTextualContentAs(dir.resolve("r3/test-scores.csv"));

        // rw compare --dims 3 on the same folder (the instant test backend): the comparison records the dimensions
        Result cmp = rw("compare", "--dims", "3", "--datasets", data.toString(), "--losses", "ce", "--epochs", "1", "--iterations", "1",
                "--patch", "16", "--depth", "2", "--out", dir.resolve("cmp3").toString(), "--no-progress");
        assertThat(cmp.code()).as(cmp.err()).isZero();
        assertThat(dir.resolve("cmp3/summary.csv")).exists();

        // 2D-slice datasets cannot train a 3D net
        Result flat = rw("train", "--dims", "3", "--dataset", "synthetic-cardiac", "--out", dir.resolve("no").toString());
        assertThat(flat.code()).isEqualTo(CliErrors.USER_ERROR);
        assertThat(flat.err()).contains("--dims 3 trains a 3D U-Net on the 3D volumes of an nnU-Net folder");
        Result bad = rw("train", "--dims", "4", "--dataset", data.toString(), "--out", dir.resolve("no4").toString());
        assertThat(bad.err()).contains("--dims must be 2 or 3, got 4");
    }

    @Test
    void slidingWindowAndMirroredScoringAreRecordedAndChangeTheScores() throws Exception {
        Path data = dir.resolve("Dataset007_Scoring");
        org.regionwise.examples.data.SyntheticNnUnet.write(data, 6, new int[] {40, 36, 12}, ".nii", 8);
        String[] common = {"train", "--dataset", data.toString(), "--loss", "ce", "--no-plan", "--epochs", "1", "--iterations", "4",
                "--depth", "2", "--patch", "16", "--batch", "4", "--threads", "1", "--no-progress"};
        Result whole = rw(true, concat(common, "--out", dir.resolve("whole").toString()));
        assertThat(whole.code()).as(whole.err()).isZero();
        Result tiled = rw(true, concat(common, "--sliding-window", "--tta", "--out", dir.resolve("tiled").toString()));
        assertThat(tiled.code()).as(tiled.err()).isZero();
        assertThat(dir.resolve("tiled/run.yaml")).content().contains("scoring:\n  sliding_window: true\n  step: 0.5\n  tta: true\n");
        assertThat(dir.resolve("whole/run.yaml")).content().doesNotContain("scoring:");
        // the same weights (same seed and batches), another segmentation of the test volumes
        assertThat(Files.readString(dir.resolve("tiled/test-scores.csv"))).isNotEqualTo(Files.readString(dir.resolve("whole/test-scores.csv")));
        Result replay = rw(true, "train", "--config", dir.resolve("tiled/run.yaml").toString(), "--out", dir.resolve("replay").toString(), "--no-progress");
        assertThat(replay.code()).as(replay.err()).isZero();
        assertThat(dir.resolve("replay/test-scores.csv")).hasSameTextualContentAs(dir.resolve("tiled/test-scores.csv"));
        Result contradicts = rw(true, "train", "--resume", dir.resolve("whole").toString(), "--tta");
        assertThat(contradicts.code()).isEqualTo(CliErrors.USER_ERROR);
        assertThat(contradicts.err()).contains("--tta true (recorded: false)");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static List<String> column(Path csv, String name) throws java.io.IOException {
        List<List<String>> rows = Csv.parse(Files.readString(csv));
        int c = rows.get(0).indexOf(name);
        assertThat(c).as("column %s of %s: %s", name, csv, rows.get(0)).isNotNegative();
        return rows.stream().skip(1).map(r -> r.get(c)).toList();
    }

    @Test
    void trainsOnAnNnUnetFolderWithCtNormalisation() throws Exception {
        Path data = dir.resolve("Dataset001_Tiny");
        TinyNnUnet.write(data, 10, true, TinyNnUnet.DATASET_JSON_V2);
        Path run = dir.resolve("run-nnunet");
        Result t = rw("train", "--dataset", "nnunet:" + data, "--ct", "--loss", "dice", "--epochs", "2", "--iterations", "2",
                "--depth", "2", "--no-progress", "--out", run.toString());
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).contains("rw train: nnunet:Dataset001_Tiny (16 training, 4 validation images, 2 test volumes", "kidney", "tumour");
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(run.resolve("config.properties"))) { p.load(r); }
        assertThat(p.getProperty("normalization")).startsWith("ct:");
        assertThat(p.getProperty("train.patch")).isEqualTo("8");
        Path out = dir.resolve("nnunet-pred");
        Result pr = rw("predict", "--model", run.toString(), "--input", data.resolve("imagesTs").toString(), "--out", out.toString());
        assertThat(pr.code()).as(pr.err()).isZero();
        assertThat(Nifti.readLabels(out.resolve("test_000.nii.gz")).grid().sizes()).containsExactly(12, 10, 6);
    }

    @Test
    void plansAnNnUnetFolderGivenWithoutThePrefixFromItsFingerprintAndATimeBudget() throws Exception {
        Path data = dir.resolve("Dataset003_Planned");
        TinyNnUnet.write(data, 10, true, TinyNnUnet.DATASET_JSON_V2);
        Path run = dir.resolve("run-planned");
        Result t = rw(true, "train", "--dataset", data.toString(), "--loss", "rrw", "--time-budget", "4s", "--batch", "3",
                "--no-progress", "--out", run.toString());
        assertThat(t.code()).as(t.err()).isZero();
        // median 12 x 10 slices: depth clamp(floor(log2(10 / 4)), 2, 5) = 2, patch 8, batch from the rule 16, given 3
        assertThat(t.out()).contains("plan (from the dataset fingerprint", "patch 8, batch 3 (given), depth 2, base filters 16",
                "for a 4s budget at");
        String json = Files.readString(run.resolve("plan.json"));
        assertThat(json).contains("\"median_shape\": [12, 10]", "\"planned\": {\"patch\": 8, \"batch\": 16, \"depth\": 2",
                "\"used\": {\"patch\": 8, \"batch\": 3, \"depth\": 2", "\"time_budget_seconds\": 4.0");
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(run.resolve("config.properties"))) { p.load(r); }
        assertThat(p.getProperty("train.batch")).isEqualTo("3");
        assertThat(Integer.parseInt(p.getProperty("train.epochs"))).isGreaterThanOrEqualTo(2);
        // --no-plan keeps the fixed defaults
        Result instant = rw("train", "--dataset", data.toString(), "--no-progress", "--out", dir.resolve("run-instant").toString());
        assertThat(instant.code()).as(instant.err()).isZero();
        assertThat(instant.out()).contains("patch 8, batch 16, depth 2, base filters 16, 30 epochs x 50 steps (the backend cannot be timed");
        Result fixed = rw("train", "--dataset", "nnunet:" + data, "--no-plan", "--epochs", "1", "--iterations", "1", "--depth", "2",
                "--no-progress", "--out", dir.resolve("run-fixed").toString());
        assertThat(fixed.code()).as(fixed.err()).isZero();
        assertThat(fixed.out()).doesNotContain("plan (");
        assertThat(dir.resolve("run-fixed/plan.json")).doesNotExist();
        Result bad = rw("train", "--dataset", data.toString(), "--time-budget", "10x", "--out", dir.resolve("run-bad").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("bad duration '10x'");
    }

    @Test
    void trainsAndPredictsATwoChannelNnUnetDataset() throws Exception {
        Path data = dir.resolve("Dataset002_TwoChannels");
        TinyNnUnet.write(data, 10, true, TinyNnUnet.DATASET_JSON_V2_TWO_CHANNELS, 2);
        Path run = dir.resolve("run-two");
        Result t = rw("train", "--dataset", "nnunet:" + data, "--loss", "ce", "--epochs", "2", "--iterations", "2",
                "--depth", "2", "--no-progress", "--out", run.toString());
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).contains("2 test volumes");
        // a folder: one output per case, from CASE_0000 and CASE_0001 together
        Path out = dir.resolve("two-pred");
        Result pr = rw("predict", "--model", run.toString(), "--input", data.resolve("imagesTs").toString(), "--out", out.toString());
        assertThat(pr.code()).as(pr.err()).isZero();
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("test_000.nii.gz", "test_001.nii.gz");
        }
        assertThat(Nifti.readLabels(out.resolve("test_000.nii.gz")).grid().sizes()).containsExactly(12, 10, 6);
        // one case by its channel-0 file; a channel-1 file alone is a user error
        Result one = rw("predict", "--model", run.toString(), "--input", data.resolve("imagesTs/test_001_0000.nii.gz").toString(),
                "--out", dir.resolve("one.nii.gz").toString());
        assertThat(one.code()).as(one.err()).isZero();
        Result bad = rw("predict", "--model", run.toString(), "--input", data.resolve("imagesTs/test_001_0001.nii.gz").toString(),
                "--out", dir.resolve("bad.nii.gz").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("takes 2 input channels").contains("CASE_0000.nii.gz");
    }

    @Test
    void aDivergedTrainingIsAOneLineUserError() {
        CommandLine cl = RwCommand.commandLine();
        TrainCommand t = (TrainCommand) cl.getSubcommands().get("train").getCommand();
        t.backends = (n, p) -> new GaussianIntensityBackend() {
            @Override public org.regionwise.core.backend.TrainedModel train(org.regionwise.core.backend.TrainingPlan plan,
                    org.regionwise.core.backend.TrainingData data, org.regionwise.core.backend.TrainingListener listener) {
                throw new org.regionwise.training.TrainingDivergedException("loss is NaN at epoch 3, step 7", 3, 7);
            }
        };
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        int code = cl.execute("train", "--dataset", "synthetic-lesions", "--size", "32", "--no-progress", "--out", dir.resolve("d").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("rw: training diverged: loss is NaN at epoch 3, step 7; try a lower --lr");
    }

    @Test
    void precisionReachesTheBackendAndTheRunFile() throws Exception {
        CommandLine cl = RwCommand.commandLine();
        TrainCommand t = (TrainCommand) cl.getSubcommands().get("train").getCommand();
        java.util.List<org.regionwise.core.backend.Precision> asked = new java.util.ArrayList<>();
        t.backends = (n, p) -> { asked.add(p); return new GaussianIntensityBackend(); };
        cl.setErr(new PrintWriter(new StringWriter()));
        cl.setOut(new PrintWriter(new StringWriter()));
        Path run = dir.resolve("bf16");
        int code = cl.execute("train", "--dataset", "synthetic-lesions", "--size", "32", "--epochs", "1", "--iterations", "1",
                "--precision", "BF16", "--no-progress", "--out", run.toString());
        assertThat(code).isZero();
        assertThat(asked).containsExactly(org.regionwise.core.backend.Precision.BF16);
        assertThat(Files.readString(run.resolve("run.yaml"))).contains("precision: bf16");
        assertThat(org.regionwise.examples.experiment.RunFile.read(run.resolve("run.yaml")).precision())
                .isEqualTo(org.regionwise.core.backend.Precision.BF16);
    }

    @Test
    void unknownNamesAreOneLineUserErrors() {
        Result loss = rw("compare", "--losses", "rrw,hinge", "--out", dir.resolve("x").toString());
        assertThat(loss.code()).isEqualTo(2);
        assertThat(loss.err().strip()).startsWith("rw: unknown loss 'hinge'; known: rrw, ce, wce, focal, dice, gdl, boundary, boundary-dice")
                .doesNotContain("\n");
        Result data = rw("train", "--dataset", "acdc", "--out", dir.resolve("y").toString());
        assertThat(data.code()).isEqualTo(2);
        assertThat(data.err().strip()).startsWith("rw: unknown dataset 'acdc'; known: synthetic-cardiac").doesNotContain("\n");
        Result patch = rw("train", "--dataset", "synthetic-kidney", "--patch", "30", "--out", dir.resolve("w").toString());
        assertThat(patch.code()).isEqualTo(2);
        assertThat(patch.err()).contains("--patch must be");
        Result big = rw("compare", "--datasets", "synthetic-kidney", "--size", "32", "--patch", "64", "--out", dir.resolve("v").toString());
        assertThat(big.code()).isEqualTo(2);
        assertThat(big.err()).contains("--patch 64 is larger than the smallest training image edge (32 px)");
        Result axis = rw("train", "--dataset", "colin27-brain", "--slice-axis", "3", "--out", dir.resolve("u").toString());
        assertThat(axis.code()).isEqualTo(2);
        assertThat(axis.err()).contains("slice axis must be 0, 1 or 2, got 3");
        assertThat(dir.resolve("y")).doesNotExist();
    }

    @Test
    void trainWritesARunDirectoryThatPredictUsesOnNiftiAndPng() throws Exception {
        Path run = dir.resolve("run");
        Result t = rw("train", "--dataset", "synthetic-cardiac", "--loss", "rrw+ce", "--epochs", "3", "--iterations", "3",
                "--size", "32", "--no-progress", "--out", run.toString());
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).contains("rw train: synthetic-cardiac", "myocardium", "run directory:");
        assertThat(run.resolve("config.properties")).exists();
        assertThat(run.resolve("model")).isDirectory();
        assertThat(Csv.parse(Files.readString(run.resolve("history.csv")))).hasSize(1 + 3);
        assertThat(Csv.parse(Files.readString(run.resolve("test-scores.csv"))).size()).isGreaterThan(1);
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(run.resolve("config.properties"))) { p.load(r); }
        assertThat(p.getProperty("loss")).isEqualTo("rrw+ce");
        assertThat(p.getProperty("normalization")).isEqualTo("zscore");

        // a 3D volume made of phantom slices, on an anisotropic grid with a spatial frame
        SplitDataset d = SyntheticDatasets.generate(new CardiacPhantom(), new SyntheticDatasets.Options(32, 1, 1, 4, 9));
        Grid g = Grid.of(new int[] {32, 32, 4}, new double[] {1.5, 1.5, 8});
        float[] v = new float[g.voxelCount()];
        for (int z = 0; z < 4; z++) {
            Sample s = d.test().get(z);
            for (int i = 0; i < 32 * 32; i++) v[i + 32 * 32 * z] = 300 + 100 * s.image().get(i);
        }
        Path in = dir.resolve("in/case_0000.nii.gz");
        Files.createDirectories(in.getParent());
        Nifti.write(in, new FloatImage(g, v));
        Path outDir = dir.resolve("pred");
        Result pr = rw("predict", "--model", run.toString(), "--input", in.getParent().toString(), "--out", outDir.toString());
        assertThat(pr.code()).as(pr.err()).isZero();
        LabelImage labels = Nifti.readLabels(outDir.resolve("case.nii.gz"));
        assertThat(labels.grid().sizes()).containsExactly(32, 32, 4);
        assertThat(labels.grid().spacing(2)).isEqualTo(8);
        assertThat(labels.maxLabel()).isBetween(1, 3);

        Path png = dir.resolve("slice.png");
        Png.write8(png, d.test().get(0).image());
        Path pngOut = dir.resolve("slice-labels.png");
        Result pp = rw("predict", "--model", run.toString(), "--input", png.toString(), "--out", pngOut.toString());
        assertThat(pp.code()).as(pp.err()).isZero();
        assertThat(Png.readLabels(pngOut).grid().sizes()).containsExactly(32, 32);

        Result bad = rw("predict", "--model", dir.toString(), "--input", png.toString(), "--out", pngOut.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("not a run directory");
    }
}
