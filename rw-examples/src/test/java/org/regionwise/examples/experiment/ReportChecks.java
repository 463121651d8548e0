package org.regionwise.examples.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.regionwise.examples.report.Csv;

/** Checks shared by the tests that write a comparison report. */
final class ReportChecks {
    private ReportChecks() {}

    /** Every CSV table is linked from report.md, has a header and at least one row, and rows of the header's width. */
    static void tablesParse(Path report) throws IOException {
        String md = Files.readString(report);
        for (String f : List.of("summary.csv", "scores.csv", "curves.csv", "runs.csv", "instability.csv")) {
            assertThat(md).contains("](" + f + ")");
            List<List<String>> rows = Csv.parse(Files.readString(report.getParent().resolve(f)));
            assertThat(rows.size()).as(f).isGreaterThan(1);
            for (List<String> row : rows) assertThat(row).as(f).hasSameSizeAs(rows.get(0));
        }
    }

    /** Reads every PNG that report.md links (each must decode and be wider than 32 px); returns how many there are. */
    static int images(Path report) throws IOException {
        Matcher m = Pattern.compile("!\\[[^]]*]\\(([^)]+\\.png)\\)").matcher(Files.readString(report));
        int images = 0;
        while (m.find()) {
            BufferedImage img = ImageIO.read(report.getParent().resolve(m.group(1)).toFile());
            assertThat(img).as(m.group(1)).isNotNull();
            assertThat(img.getWidth()).as(m.group(1)).isGreaterThan(32);
            images++;
        }
        return images;
    }
}
