package org.regionwise.examples.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.examples.data.CardiacPhantom;
import org.regionwise.examples.data.Dataset;
import org.regionwise.examples.data.LesionPhantom;
import org.regionwise.examples.data.SyntheticDatasets;
import org.regionwise.examples.report.Csv;
import org.regionwise.examples.report.ReportWriter;
import org.regionwise.examples.testing.GaussianIntensityBackend;

/** End to end with the instant test backend: comparison over two phantoms, two losses and two seeds, then the report. */
class ComparisonReportTest {
    @TempDir static Path dir;
    static Comparison.Result result;
    static Path report;

    @BeforeAll
    static void run() {
        SyntheticDatasets.Options o = new SyntheticDatasets.Options(32, 8, 3, 3, 5);
        List<Dataset> data = List.of(SyntheticDatasets.generate(new CardiacPhantom(), o), SyntheticDatasets.generate(new LesionPhantom(), o));
        Experiment e = new Experiment(new GaussianIntensityBackend(), new MetricsScoring());
        TrainingSettings s = new TrainingSettings(4, 5, 2, 32, 2, 4, 1e-3, false, 1);
        result = new Comparison(e).run(data, List.of("rrw", "gradual:dice,rrw"), List.of(1L, 2L), s, new Comparison.Progress() {});
        report = new ReportWriter(new MetricsScoring()).write(result, dir.resolve("report"));
    }

    @Test
    void trainingLowersTheLossAndBeatsTheTrivialPredictor() {
        assertThat(result.runs()).hasSize(2 * 2 * 2);
        for (RunResult r : result.runs()) {
            assertThat(r.failed()).isFalse();
            assertThat(r.history()).hasSize(4);
            assertThat(r.history().get(3).trainLoss()).isLessThan(r.history().get(0).trainLoss());
            // an all-background predictor has foreground Dice 0 on every case
            double mean = r.scores().stream().flatMap(c -> c.dice().stream().skip(1)).mapToDouble(Double::doubleValue)
                    .filter(d -> !Double.isNaN(d)).average().orElse(0);
            assertThat(mean).as("Dice of %s/%s", r.dataset(), r.loss()).isGreaterThan(0.05);
        }
    }

    @Test
    void reportFilesExistAndParse() throws Exception {
        Path d = report.getParent();
        String md = Files.readString(report);
        ReportChecks.tablesParse(report);
        // summary: 2 datasets x 2 losses x foreground classes (3 + 1)
        assertThat(Csv.parse(Files.readString(d.resolve("summary.csv")))).hasSize(1 + 2 * (3 + 1));
        // scores: per seed, case and foreground class
        assertThat(Csv.parse(Files.readString(d.resolve("scores.csv")))).hasSize(1 + 2 * 2 * 3 * (3 + 1));
        // per dataset: 2 plots + 2 overlays
        assertThat(ReportChecks.images(report)).isEqualTo(2 * (2 + 2));
        assertThat(md).contains("## synthetic-cardiac", "## synthetic-lesions", "| rrw |", "| gradual:dice,rrw |",
                "How this was measured", "4 epochs × 5 steps", "HD undefined", "std across seeds (last ≤5 epochs)");
    }
}
