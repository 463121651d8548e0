package org.regionwise.training.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.map.Maps;
import org.regionwise.training.cache.CachedCase;
import org.regionwise.training.cache.CachedSlices;
import org.regionwise.training.cache.CaseFile;
import org.regionwise.training.spi.Batch;

/**
 * Training from the memory-mapped cache feeds the network bit-identical batches (patches, augmentation, labels and
 * maps at every scale) to training from the same slices in memory.
 */
class CachedSamplingTest {
    @TempDir Path dir;

    @ParameterizedTest(name = "axis {0}, foreground only {1}")
    @CsvSource({"2, true", "2, false", "0, true", "1, true"})
    void batchesFromTheCacheAreBitIdenticalToBatchesFromMemory(int axis, boolean foregroundOnly) {
        List<CachedCase> cases = new ArrayList<>();
        List<org.regionwise.training.cache.TestVolumes.Volume> vols = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            var v = org.regionwise.training.cache.TestVolumes.volume(40 + k, 3, new int[] {28, 24, 9}, new double[] {0.9, 0.9, 2.5}, 2, 3, 3, 0);
            Path f = dir.resolve("case" + k + CaseFile.EXTENSION);
            CaseFile.write(f, v.content("s"), CaseFile.Storage.FLOAT32);
            cases.add(CachedCase.open(f));
            vols.add(v);
            ids.add("case" + k);
        }
        CachedSlices cached = CachedSlices.of("ds", ids, cases, axis, foregroundOnly);
        List<Sample> memory = new ArrayList<>();
        for (var v : vols) {
            for (int i = 0; i < v.shape()[axis]; i++) {
                Sample s = org.regionwise.training.cache.TestVolumes.slice(v, axis, i);
                if (!foregroundOnly || s.labels().maxLabel() > 0) memory.add(s);
            }
        }
        assertThat(cached).hasSize(memory.size());
        BatchFactory fromCache = new BatchFactory(new PatchSampler(cached, 16, true), List.of(Maps.rectified()), 4, 3, 3, 7);
        BatchFactory fromMemory = new BatchFactory(new PatchSampler(memory, 16, true), List.of(Maps.rectified()), 4, 3, 3, 7);
        for (int step = 0; step < 12; step++) {
            Batch a = fromMemory.create(1, step), b = fromCache.create(1, step);
            assertThat(b.images()).as("step %d images", step).containsExactly(a.images());
            for (int s = 0; s < 3; s++) {
                assertThat(b.labels(s)).containsExactly(a.labels(s));
                assertThat(b.map(s, 0)).containsExactly(a.map(s, 0));
            }
        }
    }
}
