package org.regionwise.examples.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.core.backend.EpochReport;
import org.regionwise.examples.data.CardiacPhantom;
import org.regionwise.examples.data.Dataset;
import org.regionwise.examples.data.SyntheticDatasets;
import org.regionwise.examples.report.ReportWriter;

/**
 * The real thing, kept small: the TensorFlow backend trains a tiny U-Net with RRW and CE on 32 px cardiac phantoms
 * for a few dozen steps, the models are scored on the test split, and the report is written.
 */
class TensorFlowEndToEndTest {
    @TempDir static Path dir;
    static Comparison.Result result;
    static Path report;

    @BeforeAll
    static void run() {
        Dataset d = SyntheticDatasets.generate(new CardiacPhantom(), new SyntheticDatasets.Options(32, 16, 3, 4, 11));
        TrainingSettings s = new TrainingSettings(4, 8, 4, 32, 2, 8, 3e-3, false, 2);
        Comparison c = new Comparison(new Experiment(Backends.byName("tensorflow"), new MetricsScoring()));
        result = c.run(List.of(d), List.of("rrw", "ce"), List.of(1L), s, new Comparison.Progress() {});
        report = new ReportWriter(new MetricsScoring()).write(result, dir.resolve("report"));
    }

    @Test
    void trainingLowersTheLossAndBeatsTheAllBackgroundPredictor() {
        assertThat(result.runs()).hasSize(2);
        for (RunResult r : result.runs()) {
            assertThat(r.failure()).as("run %s", r.loss()).isNull();
            List<EpochReport> h = r.history();
            assertThat(h).hasSize(4);
            assertThat(h.get(3).trainLoss()).as("loss of %s", r.loss()).isLessThan(h.get(0).trainLoss());
            // all-background scores Dice 0 on every foreground class present in the truth
            double mean = r.scores().stream().flatMap(cs -> cs.dice().stream().skip(1)).mapToDouble(Double::doubleValue)
                    .filter(v -> !Double.isNaN(v)).average().orElse(0);
            assertThat(mean).as("mean foreground test Dice of %s", r.loss()).isGreaterThan(0.05);
        }
    }

    @Test
    void reportParses() throws Exception {
        String md = Files.readString(report);
        ReportChecks.tablesParse(report);
        assertThat(ReportChecks.images(report)).isEqualTo(4);
        assertThat(md).contains("backend `tensorflow`", "| rrw |", "| ce |", "drops");
    }
}
