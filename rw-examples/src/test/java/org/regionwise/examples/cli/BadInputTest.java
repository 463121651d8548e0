package org.regionwise.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.io.Nifti;
import org.regionwise.examples.testing.TinyNnUnet;

/**
 * Bad input to every command, as users give it: each case exits non-zero with exactly one line on stderr that names
 * the file or the option and the field, no stack trace, and leaves nothing half-written (no run directory, no output).
 */
class BadInputTest {
    @TempDir static Path shared;
    static Path oneChannelRun, twoChannelRun;

    @TempDir Path dir;

    /** The tiny training options (fast; one thread). */
    static final List<String> TINY = List.of("--epochs", "1", "--iterations", "1", "--batch", "2", "--depth", "2", "--base-filters", "4",
            "--threads", "1", "--no-progress");

    @BeforeAll
    static void trainTwoTinyModels() {
        oneChannelRun = shared.resolve("run1");
        Cli.Result a = Cli.run(args("train", "--dataset", "synthetic-lesions", "--size", "32", "--out", oneChannelRun.toString()));
        assertThat(a.exit()).as(a.err()).isZero();
        Path two = shared.resolve("two");
        TinyNnUnet.write(two, 5, true, TinyNnUnet.DATASET_JSON_V2_TWO_CHANNELS, 2);
        twoChannelRun = shared.resolve("run2");
        Cli.Result b = Cli.run(args("train", "--dataset", two.toString(), "--no-plan", "--patch", "8", "--out", twoChannelRun.toString()));
        assertThat(b.exit()).as(b.err()).isZero();
    }

    static String[] args(String... a) {
        List<String> l = new ArrayList<>(List.of(a));
        if (l.get(0).equals("train")) l.addAll(TINY);
        return l.toArray(String[]::new);
    }

    /** A setup that writes what the case needs under a fresh folder and returns the command line. */
    @FunctionalInterface
    interface Setup { String[] build(Path dir) throws IOException; }

    record Case(String name, Setup setup, List<String> expected) {
        @Override public String toString() { return name; }
    }

    static Arguments c(String name, Setup setup, String... expected) { return Arguments.of(new Case(name, setup, List.of(expected))); }

    // ---- nnU-Net folders -------------------------------------------------------------------------------------------

    static Path nnunet(Path dir) {
        Path d = dir.resolve("Dataset001_Tiny");
        TinyNnUnet.write(d, 5, true, TinyNnUnet.DATASET_JSON_V2);
        return d;
    }

    static Path nnunet2(Path dir) {
        Path d = dir.resolve("Dataset002_Two");
        TinyNnUnet.write(d, 5, true, TinyNnUnet.DATASET_JSON_V2_TWO_CHANNELS, 2);
        return d;
    }

    static String[] trainOn(Path data, Path dir, String... more) {
        List<String> l = new ArrayList<>(List.of("train", "--dataset", "nnunet:" + data, "--no-plan", "--patch", "8", "--out",
                dir.resolve("RUN").toString()));
        l.addAll(List.of(more));
        l.addAll(TINY);
        return l.toArray(String[]::new);
    }

    static void json(Path data, String text) {
        try {
            Files.writeString(data.resolve("dataset.json"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final Grid G = Grid.of(new int[] {12, 10, 6}, new double[] {0.8, 0.8, 2.5});

    static Stream<Arguments> nnunetCases() {
        return Stream.of(
                c("folder does not exist", d -> trainOn(d.resolve("nowhere"), d), "does not exist"),
                c("no dataset.json", d -> { Path n = nnunet(d); Files.delete(n.resolve("dataset.json")); return trainOn(n, d); },
                        "no dataset.json"),
                c("dataset.json not JSON", d -> { Path n = nnunet(d); json(n, "{\"labels\": "); return trainOn(n, d); },
                        "dataset.json", "invalid JSON", "line 1"),
                c("dataset.json trailing text", d -> { Path n = nnunet(d); json(n, "{\"labels\": {}} x"); return trainOn(n, d); },
                        "dataset.json", "invalid JSON"),
                c("dataset.json an array", d -> { Path n = nnunet(d); json(n, "[1, 2]"); return trainOn(n, d); },
                        "dataset.json", "expected a JSON object"),
                c("no labels", d -> { Path n = nnunet(d); json(n, "{\"channel_names\": {\"0\": \"CT\"}}"); return trainOn(n, d); },
                        "dataset.json", "\"labels\""),
                c("labels with a gap", d -> { Path n = nnunet(d); json(n, "{\"labels\": {\"background\": 0, \"kidney\": 2}}"); return trainOn(n, d); },
                        "dataset.json", "without gaps"),
                c("region-based labels", d -> { Path n = nnunet(d); json(n, "{\"labels\": {\"background\": 0, \"k\": [1, 2]}}"); return trainOn(n, d); },
                        "dataset.json", "region-based"),
                c("label value not an integer", d -> { Path n = nnunet(d); json(n, "{\"labels\": {\"background\": 0, \"k\": 1.5}}"); return trainOn(n, d); },
                        "dataset.json", "not an integer"),
                c("label declared twice", d -> { Path n = nnunet(d); json(n, "{\"labels\": {\"background\": 0, \"a\": 1, \"b\": 1}}"); return trainOn(n, d); },
                        "dataset.json", "declared twice"),
                c("background only", d -> { Path n = nnunet(d); json(n, "{\"labels\": {\"background\": 0}}"); return trainOn(n, d); },
                        "dataset.json", "at least one class"),
                c("unsupported file ending", d -> { Path n = nnunet(d); json(n, "{\"labels\": {\"background\": 0, \"k\": 1}, \"file_ending\": \".mha\"}"); return trainOn(n, d); },
                        "dataset.json", ".mha", "not supported"),
                c("no imagesTr folder", d -> { Path n = nnunet(d); deleteTree(n.resolve("imagesTr")); return trainOn(n, d); },
                        "has no folder", "imagesTr"),
                c("imagesTr empty", d -> { Path n = nnunet(d); deleteTree(n.resolve("imagesTr")); Files.createDirectories(n.resolve("imagesTr")); return trainOn(n, d); },
                        "imagesTr has no", "_0000"),
                c("label file missing", d -> { Path n = nnunet(d); Files.delete(n.resolve("labelsTr/case_001.nii.gz")); return trainOn(n, d); },
                        "case case_001", "labelsTr", "missing"),
                c("channel file missing", d -> { Path n = nnunet2(d); Files.delete(n.resolve("imagesTr/case_002_0001.nii.gz")); return trainOn(n, d); },
                        "case case_002", "channel 1", "case_002_0001.nii.gz", "missing"),
                c("channels on different grids", d -> {
                    Path n = nnunet2(d);
                    Nifti.write(n.resolve("imagesTr/case_000_0001.nii.gz"), FloatImage.zeros(Grid.of(new int[] {12, 10, 5}, new double[] {0.8, 0.8, 2.5})));
                    return trainOn(n, d);
                }, "case case_000", "case_000_0001.nii.gz", "12×10×5", "12×10×6"),
                c("labels not integers", d -> {
                    Path n = nnunet(d);
                    float[] v = new float[G.voxelCount()];
                    v[3] = 0.5f;
                    Nifti.write(n.resolve("labelsTr/case_003.nii.gz"), new FloatImage(G, v));
                    return trainOn(n, d);
                }, "case_003.nii.gz", "not an integer"),
                c("label not declared", d -> {
                    Path n = nnunet(d);
                    int[] l = new int[G.voxelCount()];
                    l[7] = 5;
                    Nifti.write(n.resolve("labelsTr/case_000.nii.gz"), new LabelImage(G, l));
                    return trainOn(n, d);
                }, "case case_000", "label 5", "not declared"),
                c("image and labels of different grids", d -> {
                    Path n = nnunet(d);
                    Nifti.write(n.resolve("labelsTr/case_004.nii.gz"), LabelImage.zeros(Grid.of(new int[] {12, 9, 6}, new double[] {0.8, 0.8, 2.5})));
                    return trainOn(n, d);
                }, "case case_004", "12×10×6", "12×9×6"),
                c("a file that is not NIfTI", d -> { Path n = nnunet(d); Files.writeString(n.resolve("imagesTr/case_001_0000.nii.gz"), "not an image"); return trainOn(n, d); },
                        "case_001_0000.nii.gz"),
                c("CT normalisation of two channels", d -> trainOn(nnunet2(d), d, "--ct"), "--ct", "single-channel", "2 channels"),
                c("patch larger than the images", d -> {
                    Path n = nnunet(d);
                    return new String[] {"train", "--dataset", n.toString(), "--no-plan", "--patch", "16", "--depth", "2", "--out", d.resolve("RUN").toString()};
                }, "--patch 16", "larger than the smallest training image edge"));
    }

    // ---- run files (--config) -----------------------------------------------------------------------------------

    static String[] config(Path dir, String yaml) throws IOException {
        Path f = dir.resolve("run.yaml");
        Files.writeString(f, yaml);
        return new String[] {"train", "--config", f.toString(), "--no-progress", "--out", dir.resolve("RUN").toString()};
    }

    static final String OK = "dataset: synthetic-lesions\nloss: rrw\n";

    static Stream<Arguments> runFileCases() {
        return Stream.of(
                c("run file missing", d -> new String[] {"train", "--config", d.resolve("nope.yaml").toString(), "--out", d.resolve("RUN").toString()},
                        "nope.yaml", "no such run file"),
                c("not YAML", d -> config(d, "dataset: [unclosed\n"), "run.yaml", "not valid YAML"),
                c("empty file", d -> config(d, ""), "run.yaml", "empty"),
                c("a list, not a mapping", d -> config(d, "- a\n- b\n"), "run.yaml", "must be a mapping"),
                c("unknown top-level key", d -> config(d, OK + "epoch: 3\n"), "run.yaml", "unknown key 'epoch'", "training"),
                c("unknown training key", d -> config(d, OK + "training: {epoch: 3}\n"), "run.yaml", "unknown key 'training.epoch'"),
                c("unknown data key", d -> config(d, OK + "data: {slices: all}\n"), "run.yaml", "unknown key 'data.slices'"),
                c("training not a mapping", d -> config(d, OK + "training: 5\n"), "run.yaml", "training must be a mapping"),
                c("epochs not an integer", d -> config(d, OK + "training: {epochs: ten}\n"), "run.yaml", "training.epochs must be an integer", "ten"),
                c("epochs a fraction", d -> config(d, OK + "training: {epochs: 2.5}\n"), "run.yaml", "training.epochs must be an integer"),
                c("learning rate not a number", d -> config(d, OK + "training: {learning_rate: fast}\n"), "run.yaml", "training.learning_rate must be a number"),
                c("ct not a boolean", d -> config(d, OK + "data: {ct: 3}\n"), "run.yaml", "data.ct must be true or false"),
                c("seed not an integer", d -> config(d, OK + "seed: 1.5\n"), "run.yaml", "seed must be an integer"),
                c("dataset a list", d -> config(d, "dataset: [a, b]\n"), "run.yaml", "dataset must be a string"),
                c("another format", d -> config(d, "format: regionwise-run-9\n" + OK), "run.yaml", "format", "regionwise-run-9"),
                c("a loss that does not parse", d -> config(d, "dataset: synthetic-lesions\nloss: 'gradual:dice'\n"), "gradual"),
                c("an unknown loss", d -> config(d, "dataset: synthetic-lesions\nloss: hinge\n"), "unknown loss 'hinge'"),
                c("an unknown dataset", d -> config(d, "dataset: acdc\n"), "unknown dataset 'acdc'"),
                c("an unknown engine", d -> config(d, OK + "engine: mxnet\n"), "mxnet"),
                c("an unknown precision", d -> config(d, OK + "precision: fp16\n"), "run.yaml", "precision", "fp16", "bf16"),
                c("no dataset anywhere", d -> config(d, "loss: rrw\n"), "missing --dataset", "run.yaml"),
                c("epochs zero", d -> config(d, OK + "training: {epochs: 0}\n"), "epochs must be >= 1"),
                c("model disagrees with training", d -> config(d, OK + "training: {depth: 2, epochs: 1, iterations_per_epoch: 1, batch: 2, base_filters: 4}\n"
                        + "model: {depth: 5}\n"), "run.yaml", "model.depth is 5", "training"),
                c("unknown model key", d -> config(d, OK + "model: {layers: 5}\n"), "run.yaml", "unknown key 'model.layers'"),
                c("versions nested", d -> config(d, OK + "versions: {java: {major: 17}}\n"), "run.yaml", "versions.java must be a single value"));
    }

    // ---- resume ---------------------------------------------------------------------------------------------------

    /** A copy of the finished tiny run to resume (so that cases may damage it). */
    static Path copyOfRun(Path dir) throws IOException {
        Path copy = dir.resolve("copy");
        try (Stream<Path> s = Files.walk(oneChannelRun)) {
            for (Path p : s.toList()) {
                Path t = copy.resolve(oneChannelRun.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        return copy;
    }

    static Stream<Arguments> resumeCases() {
        return Stream.of(
                c("resume a missing folder", d -> new String[] {"train", "--resume", d.resolve("nope").toString()}, "nope", "no such run directory"),
                c("resume a folder of another command", d -> {
                    Path report = Files.createDirectories(d.resolve("report"));
                    Files.writeString(report.resolve("report.md"), "# report");
                    return new String[] {"train", "--resume", report.toString()};
                }, "report", "not a run directory of rw train", "run.yaml"),
                c("resume with a contradicting option", d -> new String[] {"train", "--resume", copyOfRun(d).toString(), "--batch", "4"},
                        "--batch 4 (recorded: 2)", "run.yaml"),
                c("resume with another precision", d -> new String[] {"train", "--resume", copyOfRun(d).toString(), "--precision", "bf16"},
                        "--precision bf16 (recorded: fp32)", "run.yaml"),
                c("resume with a time budget", d -> new String[] {"train", "--resume", copyOfRun(d).toString(), "--time-budget", "1m"},
                        "--time-budget", "recorded"),
                c("resume and config together", d -> new String[] {"train", "--resume", copyOfRun(d).toString(), "--config", "x.yaml"},
                        "--resume and --config"),
                c("resume and overwrite together", d -> new String[] {"train", "--resume", copyOfRun(d).toString(), "--overwrite"},
                        "--resume and --overwrite"),
                c("resume an incomplete run file", d -> {
                    Path r = copyOfRun(d);
                    Files.writeString(r.resolve("run.yaml"), "dataset: synthetic-lesions\n");
                    return new String[] {"train", "--resume", r.toString()};
                }, "run.yaml", "incomplete run file"),
                c("resume a checkpoint of another spec", d -> {
                    Path r = copyOfRun(d);
                    Path f = r.resolve("run.yaml");
                    Files.writeString(f, Files.readString(f).replace("base_filters: 4", "base_filters: 8").replace("max_filters: 64", "max_filters: 128"));
                    return new String[] {"train", "--resume", r.toString(), "--no-progress"};
                }, "checkpoint", "baseFilters=4", "baseFilters=8"),
                c("resume corrupted checkpoints", d -> {
                    Path r = copyOfRun(d);
                    try (Stream<Path> s = Files.walk(r.resolve("checkpoints"))) {
                        for (Path p : s.filter(p -> p.getFileName().toString().equals("state.properties")).toList()) Files.writeString(p, "x=1\n");
                    }
                    return new String[] {"train", "--resume", r.toString(), "--no-progress"};
                }, "no intact checkpoint", "state.properties"));
    }

    // ---- the run directory and options -------------------------------------------------------------------------------

    static Stream<Arguments> optionCases() {
        return Stream.of(
                c("an unknown precision", d -> args("train", "--dataset", "synthetic-lesions", "--precision", "fp16", "--out",
                        d.resolve("RUN").toString()), "--precision", "fp16"),
                c("out exists and is not empty", d -> {
                    Path out = Files.createDirectories(d.resolve("RUN"));
                    Files.writeString(out.resolve("notes.txt"), "mine");
                    return args("train", "--dataset", "synthetic-lesions", "--out", out.toString());
                }, "already exists", "not empty"),
                c("out is a file", d -> {
                    Files.writeString(d.resolve("RUN"), "mine");
                    return args("train", "--dataset", "synthetic-lesions", "--out", d.resolve("RUN").toString());
                }, "exists and is not a directory"),
                c("overwrite a folder that is not a run", d -> {
                    Path out = Files.createDirectories(d.resolve("RUN"));
                    Files.writeString(out.resolve("notes.txt"), "mine");
                    return args("train", "--dataset", "synthetic-lesions", "--overwrite", "--out", out.toString());
                }, "not a run directory", "refusing to delete"),
                c("no --out", d -> new String[] {"train", "--dataset", "synthetic-lesions"}, "missing --out"),
                c("no --dataset", d -> new String[] {"train", "--out", d.resolve("RUN").toString()}, "missing --dataset"),
                c("unknown dataset", d -> new String[] {"train", "--dataset", "acdc", "--out", d.resolve("RUN").toString()}, "unknown dataset 'acdc'"),
                c("unknown loss", d -> new String[] {"train", "--dataset", "synthetic-lesions", "--loss", "hinge", "--out", d.resolve("RUN").toString()},
                        "unknown loss 'hinge'"),
                c("bad gradual step", d -> new String[] {"train", "--dataset", "synthetic-lesions", "--loss", "gradual@2:ce,rrw", "--out", d.resolve("RUN").toString()},
                        "gradual step"),
                c("unknown backend", d -> new String[] {"train", "--dataset", "synthetic-lesions", "--backend", "mxnet", "--out", d.resolve("RUN").toString()},
                        "mxnet"),
                c("patch not a multiple of 2^depth", d -> new String[] {"train", "--dataset", "synthetic-lesions", "--patch", "30", "--depth", "2",
                        "--out", d.resolve("RUN").toString()}, "--patch must be", "multiple of 2^depth = 4"),
                c("zero epochs", d -> new String[] {"train", "--dataset", "synthetic-lesions", "--epochs", "0", "--out", d.resolve("RUN").toString()},
                        "--epochs must be >= 1"),
                c("negative learning rate", d -> new String[] {"train", "--dataset", "synthetic-lesions", "--lr", "-1", "--out", d.resolve("RUN").toString()},
                        "--lr must be > 0"),
                c("depth out of range", d -> new String[] {"train", "--dataset", "synthetic-lesions", "--depth", "9", "--out", d.resolve("RUN").toString()},
                        "--depth must be in [1, 6]"),
                c("bad time budget", d -> new String[] {"train", "--dataset", "synthetic-lesions", "--time-budget", "soon", "--out", d.resolve("RUN").toString()},
                        "soon"),
                c("epochs not a number", d -> new String[] {"train", "--dataset", "synthetic-lesions", "--epochs", "many", "--out", d.resolve("RUN").toString()},
                        "--epochs", "many"),
                c("collapse patience zero", d -> new String[] {"train", "--dataset", "synthetic-lesions", "--collapse-patience", "0", "--out", d.resolve("RUN").toString()},
                        "--collapse-patience must be >= 1"));
    }

    // ---- predict, evaluate, maps --------------------------------------------------------------------------------------

    static Stream<Arguments> otherCommandCases() {
        return Stream.of(
                c("predict with a folder that is not a run", d -> {
                    Nifti.write(d.resolve("in.nii.gz"), FloatImage.zeros(Grid.of2D(32, 32)));
                    return new String[] {"predict", "--model", d.toString(), "--input", d.resolve("in.nii.gz").toString(), "--out", d.resolve("OUT.nii.gz").toString()};
                }, "not a run directory of rw train", "config.properties"),
                c("predict a missing input", d -> new String[] {"predict", "--model", oneChannelRun.toString(), "--input", d.resolve("none.nii.gz").toString(),
                        "--out", d.resolve("OUT.nii.gz").toString()}, "none.nii.gz", "no such file"),
                c("predict a file that is not an image", d -> {
                    Files.writeString(d.resolve("in.nii.gz"), "text");
                    return new String[] {"predict", "--model", oneChannelRun.toString(), "--input", d.resolve("in.nii.gz").toString(), "--out", d.resolve("OUT.nii.gz").toString()};
                }, "in.nii.gz"),
                c("predict a 4D file with a 2D model", d -> {
                    ClassMaps four = new ClassMaps(Grid.of2D(32, 32), new float[][] {new float[32 * 32], new float[32 * 32]});
                    Nifti.write(d.resolve("in.nii.gz"), four);
                    return new String[] {"predict", "--model", oneChannelRun.toString(), "--input", d.resolve("in.nii.gz").toString(), "--out", d.resolve("OUT.nii.gz").toString()};
                }, "in.nii.gz", "4D"),
                c("predict one channel with a two-channel model", d -> {
                    Nifti.write(d.resolve("scan.nii.gz"), FloatImage.zeros(G));
                    return new String[] {"predict", "--model", twoChannelRun.toString(), "--input", d.resolve("scan.nii.gz").toString(), "--out", d.resolve("OUT.nii.gz").toString()};
                }, "2 input channels", "scan.nii.gz"),
                c("predict a case whose second channel is missing", d -> {
                    Nifti.write(d.resolve("case_0000.nii.gz"), FloatImage.zeros(G));
                    return new String[] {"predict", "--model", twoChannelRun.toString(), "--input", d.resolve("case_0000.nii.gz").toString(), "--out", d.resolve("OUT.nii.gz").toString()};
                }, "case_0001.nii.gz", "missing"),
                c("evaluate a missing prediction", d -> {
                    Nifti.write(d.resolve("ref.nii.gz"), LabelImage.zeros(G));
                    return new String[] {"evaluate", "--pred", d.resolve("pred.nii.gz").toString(), "--ref", d.resolve("ref.nii.gz").toString(), "--out", d.resolve("OUT.csv").toString()};
                }, "pred.nii.gz"),
                c("evaluate grids that differ", d -> {
                    Nifti.write(d.resolve("ref.nii.gz"), LabelImage.zeros(G));
                    Nifti.write(d.resolve("pred.nii.gz"), LabelImage.zeros(Grid.of(new int[] {12, 10, 5}, new double[] {0.8, 0.8, 2.5})));
                    return new String[] {"evaluate", "--pred", d.resolve("pred.nii.gz").toString(), "--ref", d.resolve("ref.nii.gz").toString(), "--out", d.resolve("OUT.csv").toString()};
                }, "12×10×5", "12×10×6"),
                c("maps of an unknown map", d -> {
                    Nifti.write(d.resolve("l.nii.gz"), LabelImage.zeros(G));
                    return new String[] {"maps", "--labels", d.resolve("l.nii.gz").toString(), "--classes", "3", "--map", "sdf", "--out", d.resolve("OUT.nii.gz").toString()};
                }, "sdf"),
                c("maps of a missing label file", d -> new String[] {"maps", "--labels", d.resolve("l.nii.gz").toString(), "--classes", "3", "--map", "rrw",
                        "--out", d.resolve("OUT.nii.gz").toString()}, "l.nii.gz"),
                c("maps with a label above K", d -> {
                    int[] l = new int[G.voxelCount()];
                    l[0] = 4;
                    Nifti.write(d.resolve("l.nii.gz"), new LabelImage(G, l));
                    return new String[] {"maps", "--labels", d.resolve("l.nii.gz").toString(), "--classes", "3", "--map", "rrw", "--out", d.resolve("OUT.nii.gz").toString()};
                }, "4"));
    }

    static Stream<Arguments> cases() {
        return Stream.of(nnunetCases(), runFileCases(), resumeCases(), optionCases(), otherCommandCases()).flatMap(s -> s);
    }

    @Test
    void thereAreAtLeastFiftyCases() {
        assertThat(cases().count()).isGreaterThanOrEqualTo(50);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isOneLineNamingTheProblemWithNothingHalfWritten(Case c) throws Exception {
        String[] a = c.setup().build(dir);
        List<String> before = listing(dir);
        Cli.Result r = Cli.run(a);
        assertThat(r.exit()).as("exit code; stderr: %s", r.err()).isNotZero();
        assertThat(r.errLines()).as("stderr").hasSize(1);
        String line = r.errLines()[0];
        assertThat(line).startsWith("rw: ").doesNotContain("Exception", "\tat ", "internal error");
        for (String e : c.expected()) assertThat(line).as("the message").contains(e);
        assertThat(listing(dir)).as("nothing written by the failed command").isEqualTo(before);
    }

    @Test
    void aCaseWithoutForegroundTrains() throws Exception {
        Path n = nnunet(dir);
        Nifti.write(n.resolve("labelsTr/case_002.nii.gz"), LabelImage.zeros(G));
        Cli.Result r = Cli.run(trainOn(n, dir, "--all-slices"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(dir.resolve("RUN/test-scores.csv")).exists();
    }

    /** Every path under {@code d} with its size (so that an overwritten file shows too), excluding nothing. */
    private static List<String> listing(Path d) throws IOException {
        try (Stream<Path> s = Files.walk(d)) {
            return s.sorted().map(p -> d.relativize(p) + (Files.isRegularFile(p) ? ":" + size(p) : "/")).toList();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(q);
        }
    }
}
