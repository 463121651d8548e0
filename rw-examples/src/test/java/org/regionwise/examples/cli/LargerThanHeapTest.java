package org.regionwise.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.examples.data.SyntheticNnUnet;

/**
 * A dataset three times larger than the heap: 64 float32 cases of 200 x 200 x 160 voxels (1.64 GB of training
 * voxels) preprocess, train one epoch and predict in a JVM of {@code -Xmx512m}; loading the same folder into the heap
 * ({@code --no-cache}) runs out of memory in that JVM.
 */
class LargerThanHeapTest {
    @TempDir Path dir;

    private static final List<String> HEAP = List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError");

    @Test
    void aDatasetThreeTimesTheHeapPreprocessesTrainsAndPredictsUnderXmx512m() throws Exception {
        Path data = dir.resolve("Dataset900_Large");
        long bytes = SyntheticNnUnet.write(data, 64, new int[] {200, 200, 160}, ".nii", 7);
        assertThat(bytes).isGreaterThan(3L * 512 * 1024 * 1024);

        Path log = dir.resolve("preprocess.log"), cache = dir.resolve("cache");
        assertThat(run(log, "preprocess", "--dataset", data.toString(), "--out", cache.toString(), "--progress", "lines")).as(read(log)).isZero();
        assertThat(read(log)).contains("64 cases, 64 written");

        Path train = dir.resolve("train.log"), run = dir.resolve("run");
        int code = run(train, "train", "--dataset", data.toString(), "--cache", cache.toString(), "--out", run.toString(), "--loss", "rrw",
                "--no-plan", "--epochs", "1", "--iterations", "8", "--batch", "2", "--patch", "64", "--depth", "3", "--base-filters", "8",
                "--progress", "lines");
        assertThat(code).as(read(train)).isZero();
        assertThat(read(train)).contains("0 written and 64 up to date").doesNotContain("OutOfMemoryError");
        assertThat(run.resolve("test-scores.csv")).exists();

        Path predict = dir.resolve("predict.log"), pred = dir.resolve("pred");
        assertThat(run(predict, "predict", "--model", run.toString(), "--input", data.resolve("imagesTs").toString(), "--out", pred.toString(),
                "--workers", "2", "--progress", "lines")).as(read(predict)).isZero();
        assertThat(pred.resolve("test_0000.nii")).exists();
        assertThat(pred.resolve("test_0001.nii")).exists();

        // the same folder loaded into the heap does not fit
        Path memory = dir.resolve("memory.log");
        int failed = run(memory, "train", "--dataset", data.toString(), "--no-cache", "--all-slices", "--out", dir.resolve("run2").toString(),
                "--no-plan", "--epochs", "1", "--iterations", "1", "--progress", "none");
        assertThat(failed).isNotZero();
        assertThat(read(memory)).contains("OutOfMemoryError");
    }

    private static int run(Path log, String... args) throws Exception {
        Process p = RwProcess.start(log, HEAP, args);
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("rw " + String.join(" ", args) + " did not finish in 15 minutes; " + read(log));
        }
        return p.exitValue();
    }

    private static String read(Path log) throws java.io.IOException { return Files.exists(log) ? Files.readString(log) : ""; }
}
