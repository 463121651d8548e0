package org.regionwise.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rw compare --resume} after a real {@code kill -9} in the middle of its second run (TensorFlow, one thread). */
class CompareResumeTest {
    @TempDir Path dir;

    static final List<String> RUNS = List.of("compare", "--datasets", "synthetic-lesions", "--losses", "rrw,dice", "--size", "32",
            "--epochs", "5", "--iterations", "12", "--batch", "2", "--patch", "32", "--depth", "2", "--base-filters", "4",
            "--threads", "1", "--no-progress");

    static String[] compare(Path out) {
        List<String> a = new ArrayList<>(RUNS);
        a.addAll(List.of("--out", out.toString()));
        return a.toArray(String[]::new);
    }

    @Test
    void aComparisonKilledInItsSecondRunReusesTheFirstAndEndsWithTheSameScores() throws Exception {
        Path whole = dir.resolve("whole");
        assertThat(RwProcess.run(dir.resolve("whole.log"), compare(whole))).isZero();
        assertThat(whole.resolve("partial")).doesNotExist();

        Path killed = dir.resolve("killed");
        Process p = RwProcess.start(dir.resolve("killed.log"), compare(killed));
        Path firstRun = killed.resolve("partial/runs/0/result.properties");
        Path secondCheckpoint = killed.resolve("partial/current/checkpoints/last/state.properties");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (p.isAlive() && System.nanoTime() < deadline && !(Files.exists(firstRun) && Files.exists(secondCheckpoint))) Thread.sleep(5);
        assertThat(p.isAlive()).as("still running when killed; log: %s", Files.readString(dir.resolve("killed.log"))).isTrue();
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(killed.resolve("report.md")).doesNotExist();

        Cli.Result again = Cli.run("compare", "--resume", killed.toString(), "--epochs", "9");
        assertThat(again.exit()).isEqualTo(CliErrors.USER_ERROR);
        assertThat(again.errLines()).singleElement().asString().contains("--epochs", "recorded", "compare.properties");
        Cli.Result fresh = Cli.run(compare(killed));
        assertThat(fresh.exit()).isEqualTo(CliErrors.USER_ERROR);
        assertThat(fresh.errLines()).singleElement().asString().contains("interrupted comparison", "--resume");

        assertThat(RwProcess.run(dir.resolve("resumed.log"), "compare", "--resume", killed.toString(), "--no-progress")).isZero();
        assertThat(Files.readString(dir.resolve("resumed.log"))).contains("resuming the comparison");
        for (String f : List.of("scores.csv", "summary.csv", "instability.csv")) {
            assertThat(Files.readString(killed.resolve(f))).as(f).isEqualTo(Files.readString(whole.resolve(f)));
        }
        assertThat(killed.resolve("partial")).doesNotExist();
    }
}
