package org.regionwise.examples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.core.backend.EpochReport;
import org.regionwise.examples.data.Dataset;
import org.regionwise.examples.experiment.CaseScore;
import org.regionwise.examples.experiment.Comparison;
import org.regionwise.examples.experiment.RunResult;

class PartialResultsTest {

    @Test
    void everyFinishedRunIsOnDiskBeforeTheNextStartsAndFinishRemovesTheFolder(@TempDir Path out) throws IOException {
        Dataset d = mock(Dataset.class);
        when(d.name()).thenReturn("phantom");
        when(d.classNames()).thenReturn(List.of("background", "lesion"));
        Comparison.Progress bar = mock(Comparison.Progress.class);
        PartialResults partial = new PartialResults(out, List.of(d), bar);

        RunResult first = new RunResult("phantom", "rrw", 1, List.of(new EpochReport(0, 0.25, 1e-3, List.of(), List.of(), 1)),
                List.of(new CaseScore("case-0", List.of(Double.NaN, 0.75), List.of(Double.NaN, 2.5))), Map.of(), 3, 1, null);
        partial.runFinished(first);
        verify(bar).runFinished(first);
        List<List<String>> scores = Csv.parse(Files.readString(partial.folder().resolve("scores.csv")));
        assertThat(scores).hasSize(2);
        assertThat(scores.get(1)).containsExactly("phantom", "rrw", "1", "case-0", "1", "lesion", "0.75", "2.5");

        RunResult failed = new RunResult("phantom", "boundary", 1, List.of(), List.of(), Map.of(), 2, 0, "diverged at epoch 0, step 3");
        partial.runFinished(failed);
        List<List<String>> runs = Csv.parse(Files.readString(partial.folder().resolve("runs.csv")));
        assertThat(runs).hasSize(3);
        assertThat(runs.get(2)).contains("boundary", "diverged at epoch 0, step 3");

        partial.finish();
        assertThat(partial.folder()).doesNotExist();
    }
}
