package org.regionwise.examples.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.examples.data.Dataset;
import org.regionwise.examples.data.NnUnetDataset;
import org.regionwise.examples.report.Csv;
import org.regionwise.examples.report.ReportWriter;
import org.regionwise.examples.testing.GaussianIntensityBackend;
import org.regionwise.examples.testing.TinyNnUnet;

/** A comparison on an nnU-Net dataset scores its test volumes in 3D and draws each at its richest slice. */
class VolumeReportTest {
    @TempDir Path dir;

    @Test
    void testVolumesAreScoredOnceEachAndDrawnAtTheirRichestSlice() throws Exception {
        TinyNnUnet.write(dir.resolve("Dataset001_Tiny"), 10, true, TinyNnUnet.DATASET_JSON_V2);
        Dataset data = NnUnetDataset.load(dir.resolve("Dataset001_Tiny"), NnUnetDataset.Options.defaults());
        TrainingSettings s = new TrainingSettings(2, 3, 2, 8, 2, 4, 1e-3, false, 1);
        Comparison.Result result = new Comparison(new Experiment(new GaussianIntensityBackend(), new MetricsScoring()))
                .run(List.of(data), List.of("rrw"), List.of(1L), s, new Comparison.Progress() {});
        RunResult run = result.runs().get(0);
        assertThat(run.failed()).isFalse();
        assertThat(run.scores()).extracting(CaseScore::caseId)
                .containsExactly("nnunet:Dataset001_Tiny/test_000", "nnunet:Dataset001_Tiny/test_001");
        // the tiny volumes have label 1 in slices z = 2..3 only: a per-volume score exists for every class
        for (CaseScore c : run.scores()) assertThat(c.dice().get(1)).isBetween(0.0, 1.0);

        Path report = new ReportWriter(new MetricsScoring()).write(result, dir.resolve("report"));
        String md = Files.readString(report);
        assertThat(md).contains("2 test volumes (scored in 3D)").contains("scored in 3D with the volume's spacing");
        // scores.csv: one row per volume and foreground class
        assertThat(Csv.parse(Files.readString(report.getParent().resolve("scores.csv")))).hasSize(1 + 2 * 2);
        // overlays at z = 2, the first of the two slices with the most ground truth
        assertThat(md).contains("test_000, slice z=2](overlays/");
        try (var files = Files.list(report.getParent().resolve("overlays"))) {
            List<Path> pngs = files.toList();
            assertThat(pngs).extracting(p -> p.getFileName().toString()).allMatch(n -> n.endsWith("-z002.png"));
            BufferedImage img = ImageIO.read(pngs.get(0).toFile());
            assertThat(img.getHeight()).isGreaterThan(10 * 8);   // a 12 x 10 slice, magnified
        }
    }
}
