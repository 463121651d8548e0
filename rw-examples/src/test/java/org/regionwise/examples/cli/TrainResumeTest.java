package org.regionwise.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.examples.experiment.RunFile;

/**
 * {@code rw train --resume} after a real {@code kill -9}, {@code --config} replays and {@code --overwrite}, with the
 * TensorFlow engine on a tiny synthetic task (one intra-op thread, so that results are bit-exact).
 */
class TrainResumeTest {
    @TempDir Path dir;

    /** A tiny run: 6 epochs x 12 steps, slow enough to be killed in the middle. */
    static final List<String> TINY = List.of("--dataset", "synthetic-lesions", "--size", "32", "--epochs", "6", "--iterations", "12",
            "--batch", "2", "--patch", "32", "--depth", "2", "--base-filters", "4", "--threads", "1", "--no-progress");

    static String[] train(Path out, String... more) {
        List<String> a = new ArrayList<>(List.of("train"));
        List<String> extra = List.of(more);
        for (int i = 0; i < TINY.size(); i++) {
            boolean valued = i + 1 < TINY.size() && !TINY.get(i + 1).startsWith("--");
            if (!extra.contains(TINY.get(i))) {
                a.add(TINY.get(i));
                if (valued) a.add(TINY.get(i + 1));
            }
            if (valued) i++;
        }
        a.addAll(extra);
        a.addAll(List.of("--out", out.toString()));
        return a.toArray(String[]::new);
    }

    @Test
    void aRunKilledAfterItsSecondCheckpointResumesToTheSameWeightsAndScores() throws Exception {
        Path whole = dir.resolve("whole");
        assertThat(RwProcess.run(dir.resolve("whole.log"), train(whole))).as("uninterrupted run; log %s", dir.resolve("whole.log")).isZero();

        Path killed = dir.resolve("killed");
        Process p = RwProcess.start(dir.resolve("killed.log"), train(killed));
        Path state = killed.resolve("checkpoints/last/state.properties");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        int epochsDone = 0;
        while (p.isAlive() && System.nanoTime() < deadline) {
            epochsDone = epochsDone(state);
            if (epochsDone >= 2) break;
            Thread.sleep(5);
        }
        assertThat(p.isAlive()).as("the process must still run when it is killed; log: %s", Files.readString(dir.resolve("killed.log"))).isTrue();
        p.destroyForcibly();   // SIGKILL on Linux: no shutdown hook, no finally block runs
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(137);
        assertThat(epochsDone).isBetween(2, 5);
        assertThat(killed.resolve("test-scores.csv")).doesNotExist();

        assertThat(RwProcess.run(dir.resolve("resumed.log"), "train", "--resume", killed.toString(), "--no-progress")).isZero();
        assertThat(Files.readString(dir.resolve("resumed.log"))).contains("resuming " + killed);
        assertThat(Files.readString(killed.resolve("test-scores.csv"))).isEqualTo(Files.readString(whole.resolve("test-scores.csv")));
        assertThat(files(killed.resolve("model"))).isEqualTo(files(whole.resolve("model"))).isNotEmpty();
        assertThat(Files.readString(killed.resolve(RunFile.FILE))).isEqualTo(Files.readString(whole.resolve(RunFile.FILE))
                .replace(whole.toString(), killed.toString()));
    }

    @Test
    void optionsThatContradictTheRecordedRunAreRefusedByName() throws Exception {
        Path run = dir.resolve("run");
        assertThat(Cli.run(train(run, "--epochs", "1")).exit()).isZero();
        Cli.Result r = Cli.run("train", "--resume", run.toString(), "--loss", "dice", "--epochs", "9", "--seed", "1");
        assertThat(r.exit()).isEqualTo(CliErrors.USER_ERROR);
        assertThat(r.errLines()).singleElement().asString()
                .contains("--loss dice (recorded: rrw)", "--epochs 9 (recorded: 1)", run.resolve(RunFile.FILE).toString())
                .doesNotContain("--seed");   // the same value as recorded is no contradiction
        // a finished run resumes to the same scores without training again
        String scores = Files.readString(run.resolve("test-scores.csv"));
        Cli.Result again = Cli.run("train", "--resume", run.toString(), "--no-progress", "--seed", "1");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(Files.readString(run.resolve("test-scores.csv"))).isEqualTo(scores);
    }

    @Test
    void aRunFileReplaysTheRunAndOptionsOverrideIt() throws Exception {
        Path first = dir.resolve("first");
        assertThat(Cli.run(train(first, "--epochs", "2", "--iterations", "3")).exit()).isZero();
        RunFile f = RunFile.read(first.resolve(RunFile.FILE));
        assertThat(f.dataset()).isEqualTo("synthetic-lesions");
        assertThat(f.training().complete()).isTrue();
        assertThat(f.training().epochs()).isEqualTo(2);
        assertThat(f.versions()).containsKeys("regionwise", "java", "engine");
        assertThat(f.model()).containsEntry("depth", "2").containsEntry("base_filters", "4");

        Path replay = dir.resolve("replay");
        Cli.Result r = Cli.run("train", "--config", first.resolve(RunFile.FILE).toString(), "--no-progress", "--out", replay.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(replay.resolve("test-scores.csv"))).isEqualTo(Files.readString(first.resolve("test-scores.csv")));

        Path changed = dir.resolve("changed");
        Cli.Result c = Cli.run("train", "--config", first.resolve(RunFile.FILE).toString(), "--epochs", "1", "--no-progress",
                "--out", changed.toString());
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(RunFile.read(changed.resolve(RunFile.FILE)).training().epochs()).isEqualTo(1);
        assertThat(RunFile.read(changed.resolve(RunFile.FILE)).training().iterationsPerEpoch()).isEqualTo(3);
        // an option that changes what the model section records overrides it too (the new run.yaml is consistent)
        Path deeper = dir.resolve("deeper");
        Cli.Result dd = Cli.run("train", "--config", first.resolve(RunFile.FILE).toString(), "--depth", "3", "--epochs", "1",
                "--no-progress", "--out", deeper.toString());
        assertThat(dd.exit()).as(dd.err()).isZero();
        assertThat(RunFile.read(deeper.resolve(RunFile.FILE)).model()).containsEntry("depth", "3");
    }

    @Test
    void anExistingRunDirectoryIsRefusedUnlessOverwritten() throws Exception {
        Path run = dir.resolve("run");
        assertThat(Cli.run(train(run, "--epochs", "1", "--iterations", "1")).exit()).isZero();
        Cli.Result r = Cli.run(train(run, "--epochs", "1", "--iterations", "1"));
        assertThat(r.exit()).isEqualTo(CliErrors.USER_ERROR);
        assertThat(r.errLines()).singleElement().asString().contains("already exists", "--resume", "--overwrite");
        Cli.Result o = Cli.run(train(run, "--epochs", "1", "--iterations", "2", "--overwrite"));
        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(RunFile.read(run.resolve(RunFile.FILE)).training().iterationsPerEpoch()).isEqualTo(2);

        Path notARun = Files.createDirectories(dir.resolve("photos"));
        Files.writeString(notARun.resolve("holiday.jpg"), "keep me");
        Cli.Result refused = Cli.run(train(notARun, "--overwrite"));
        assertThat(refused.exit()).isEqualTo(CliErrors.USER_ERROR);
        assertThat(refused.errLines()).singleElement().asString().contains("not a run directory", "refusing to delete");
        assertThat(notARun.resolve("holiday.jpg")).hasContent("keep me");
    }

    private static int epochsDone(Path state) {
        try {
            for (String line : Files.readAllLines(state)) {
                if (line.startsWith("epochsDone=")) return Integer.parseInt(line.substring("epochsDone=".length()).trim());
            }
        } catch (IOException | RuntimeException e) {
            // not written yet, or caught between the renames
        }
        return 0;
    }

    /** Every file under {@code root} by relative path, {@code .properties} files without their date comment. */
    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                byte[] b = Files.readAllBytes(f);
                String key = root.relativize(f).toString();
                m.put(key, key.endsWith(".properties")
                        ? new String(b, java.nio.charset.StandardCharsets.UTF_8).replaceAll("(?m)^#.*\\R", "")
                        : java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b)));
            } 
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }
}
