package org.regionwise.training.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.core.backend.EpochReport;

/** Crash safety of checkpoint writing, without TensorFlow. */
class CheckpointsTest {

    static Checkpoints.Writer_ content(String text) {
        return dir -> Files.writeString(dir.resolve("weights.txt"), text);
    }

    static final List<EpochReport> HISTORY = List.of(
            new EpochReport(0, 0.5, 1e-3, List.of(), List.of(), 1.5),
            new EpochReport(1, 0.25, 9e-4, List.of(0.99, 0.75), List.of(Double.NaN, 3.5), 2.0));

    @Test
    void aCrashWhileWritingLeavesThePreviousCheckpointIntact(@TempDir Path run) throws IOException {
        Path first = Checkpoints.write(run, Checkpoints.LAST, content("epoch 1"), new Checkpoints.State(1, 0.5, 0), HISTORY, 2);
        assertThatThrownBy(() -> Checkpoints.write(run, Checkpoints.LAST, dir -> {
            Files.writeString(dir.resolve("weights.txt"), "half");
            throw new IOException("disk full");
        }, new Checkpoints.State(2, 0.6, 1), HISTORY, 2)).hasMessageContaining("cannot write checkpoint");
        Path found = Checkpoints.locate(run, Checkpoints.LAST).orElseThrow();
        assertThat(found).isEqualTo(first);
        assertThat(Files.readString(found.resolve("weights.txt"))).isEqualTo("epoch 1");
        assertThat(Checkpoints.readState(found)).isEqualTo(new Checkpoints.State(1, 0.5, 0));
        try (var s = Files.list(Checkpoints.root(run))) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("last");
        }
    }

    @Test
    void aCrashBetweenTheRenamesIsRecoveredFromTheOldCopy(@TempDir Path run) throws IOException {
        Path last = Checkpoints.write(run, Checkpoints.LAST, content("epoch 1"), new Checkpoints.State(1, 0.5, 0), HISTORY, 2);
        Files.move(last, Checkpoints.root(run).resolve(".last.old"));   // state right after the first rename
        Path found = Checkpoints.locate(run, Checkpoints.LAST).orElseThrow();
        assertThat(Files.readString(found.resolve("weights.txt"))).isEqualTo("epoch 1");
        Path again = Checkpoints.write(run, Checkpoints.LAST, content("epoch 2"), new Checkpoints.State(2, 0.7, 1), HISTORY, 2);
        assertThat(Files.readString(Checkpoints.locate(run, Checkpoints.LAST).orElseThrow().resolve("weights.txt"))).isEqualTo("epoch 2");
        assertThat(again).isEqualTo(Checkpoints.root(run).resolve("last"));
    }

    /** A mover that fails on its {@code failAt}-th call (1-based), as a crash there would leave things. */
    private static Checkpoints.Mover crashingAt(int failAt) {
        int[] calls = {0};
        return (from, to) -> {
            if (++calls[0] == failAt) throw new IOException("crash before moving " + from.getFileName() + " to " + to.getFileName());
            Files.move(from, to);
        };
    }

    @Test
    void aSecondCrashWhileRecoveringKeepsTheOnlyCompleteCopy(@TempDir Path run) throws IOException {
        Checkpoints.write(run, Checkpoints.LAST, content("epoch 1"), new Checkpoints.State(1, 0.5, 0), HISTORY, 2);
        // crash after "last" became ".last.old", before the new one was renamed into place
        assertThatThrownBy(() -> Checkpoints.write(run, Checkpoints.LAST, content("epoch 2"), new Checkpoints.State(2, 0.6, 1),
                HISTORY, 2, crashingAt(2))).hasMessageContaining("cannot write checkpoint");
        assertThat(Checkpoints.locate(run, Checkpoints.LAST).orElseThrow().getFileName().toString()).isEqualTo(".last.old");
        // the next write crashes too, at its only rename: ".last.old" must survive (it is still the only complete copy)
        assertThatThrownBy(() -> Checkpoints.write(run, Checkpoints.LAST, content("epoch 2"), new Checkpoints.State(2, 0.6, 1),
                HISTORY, 2, crashingAt(1))).hasMessageContaining("cannot write checkpoint");
        Path found = Checkpoints.locate(run, Checkpoints.LAST).orElseThrow();
        assertThat(Files.readString(found.resolve("weights.txt"))).isEqualTo("epoch 1");
        assertThat(Checkpoints.readState(found)).isEqualTo(new Checkpoints.State(1, 0.5, 0));
        // a write that completes puts the new checkpoint in place and removes the old copy and every temporary
        Checkpoints.write(run, Checkpoints.LAST, content("epoch 3"), new Checkpoints.State(3, 0.7, 2), HISTORY, 2);
        assertThat(Files.readString(Checkpoints.locate(run, Checkpoints.LAST).orElseThrow().resolve("weights.txt"))).isEqualTo("epoch 3");
        try (var s = Files.list(Checkpoints.root(run))) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("last");
        }
    }

    @Test
    void historyRoundTripsThroughCsv(@TempDir Path run) throws IOException {
        Path last = Checkpoints.write(run, Checkpoints.LAST, content("x"), new Checkpoints.State(2, 0.75, 1), HISTORY, 2);
        List<EpochReport> back = Checkpoints.readHistory(last);
        assertThat(back).hasSize(2);
        assertThat(back.get(0).validated()).isFalse();
        assertThat(back.get(1).validationDice()).containsExactly(0.99, 0.75);
        assertThat(back.get(1).validationHausdorffMm().get(0)).isNaN();
        assertThat(back.get(1).trainLoss()).isEqualTo(0.25);
    }

    @Test
    void everyFileIsListedWithItsSha256InSha256sumFormat(@TempDir Path run) throws Exception {
        Path last = Checkpoints.write(run, Checkpoints.LAST, content("epoch 1"), new Checkpoints.State(1, 0.5, 0), HISTORY, 2);
        List<String> lines = Files.readAllLines(last.resolve(Checkpoints.CHECKSUMS));
        assertThat(lines).extracting(l -> l.substring(66)).containsExactly("history.csv", "state.properties", "weights.txt");
        // the hash of "epoch 1" computed independently of Checkpoints.sha256
        String expected = java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest("epoch 1".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(lines.get(2)).isEqualTo(expected + "  weights.txt");
        assertThat(Checkpoints.verify(last)).isEmpty();
    }

    @Test
    void aCorruptedOrTruncatedLastFallsBackToBestNamingTheFile(@TempDir Path run) throws IOException {
        Checkpoints.write(run, Checkpoints.BEST, content("epoch 1 best"), new Checkpoints.State(1, 0.5, 0), HISTORY, 2);
        Path last = Checkpoints.write(run, Checkpoints.LAST, content("epoch 2"), new Checkpoints.State(2, 0.4, 0), HISTORY, 2);
        assertThat(Checkpoints.locateValid(run, Checkpoints.LAST).orElseThrow().path()).isEqualTo(last);

        Files.writeString(last.resolve("weights.txt"), "epoch 3");        // same length, other bytes
        Checkpoints.Located found = Checkpoints.locateValid(run, Checkpoints.LAST).orElseThrow();
        assertThat(found.path()).isEqualTo(Checkpoints.root(run).resolve(Checkpoints.BEST));
        assertThat(found.warnings()).singleElement().asString().contains(last.resolve("weights.txt").toString(), "SHA-256");

        Files.writeString(last.resolve("weights.txt"), "epo");            // truncated
        assertThat(Checkpoints.verify(last)).get().asString().contains("weights.txt");
        Files.delete(last.resolve("weights.txt"));                        // missing
        assertThat(Checkpoints.verify(last)).get().asString().contains("weights.txt", "missing");
    }

    @Test
    void noIntactCheckpointGivesNothing(@TempDir Path run) throws IOException {
        Path last = Checkpoints.write(run, Checkpoints.LAST, content("epoch 1"), new Checkpoints.State(1, 0.5, 0), HISTORY, 2);
        Files.writeString(last.resolve(Checkpoints.STATE), "epochsDone=x\n");
        assertThat(Checkpoints.locateValid(run, Checkpoints.LAST)).isEmpty();
        assertThat(Checkpoints.locateValid(run.resolve("nowhere"), Checkpoints.LAST)).isEmpty();
    }

    @Test
    void aFullDiskWhileWritingKeepsThePreviousCheckpointVerifiable(@TempDir Path run) throws IOException {
        Checkpoints.write(run, Checkpoints.LAST, content("epoch 1"), new Checkpoints.State(1, 0.5, 0), HISTORY, 2);
        assertThatThrownBy(() -> Checkpoints.write(run, Checkpoints.LAST, dir -> {
            Files.writeString(dir.resolve("weights.txt"), "epo");
            throw new IOException("No space left on device");
        }, new Checkpoints.State(2, 0.6, 1), HISTORY, 2)).hasMessageContaining("No space left on device");
        Checkpoints.Located found = Checkpoints.locateValid(run, Checkpoints.LAST).orElseThrow();
        assertThat(found.warnings()).isEmpty();
        assertThat(Files.readString(found.path().resolve("weights.txt"))).isEqualTo("epoch 1");
    }
}
