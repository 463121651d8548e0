package org.regionwise.examples.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.io.Nifti;
import org.regionwise.examples.testing.TinyNnUnet;
import org.regionwise.training.cache.CachedCase;
import org.regionwise.training.cache.CachedSlices;
import org.regionwise.training.cache.CaseFile;

/** The nnU-Net case cache gives the trainer exactly the data the in-memory loader gives, and rebuilds only stale cases. */
class NnUnetCacheTest {
    @TempDir Path tmp;

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of("10 cases with imagesTs, axial, foreground slices", 10, true, TinyNnUnet.DATASET_JSON_V2, 1, 2, true, false),
                Arguments.of("10 cases, held-out test cases, all slices, CT", 10, false, TinyNnUnet.DATASET_JSON_V2, 1, 2, false, true),
                Arguments.of("3 cases: validation on held-out slices", 3, false, TinyNnUnet.DATASET_JSON_V2, 1, 2, true, false),
                Arguments.of("two channels, sagittal", 6, true, TinyNnUnet.DATASET_JSON_V2_TWO_CHANNELS, 2, 0, true, false),
                Arguments.of("coronal, all slices", 6, false, TinyNnUnet.DATASET_JSON_V2, 1, 1, false, false),
                Arguments.of("zero background, cropped", -8, false, TinyNnUnet.DATASET_JSON_V2, 1, 2, false, false),
                Arguments.of("no validation (empty split)", 10, true, TinyNnUnet.DATASET_JSON_V2, 1, 2, true, false),
                Arguments.of("3 cases, no validation, no test split", 3, false, TinyNnUnet.DATASET_JSON_V2, 1, 2, true, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void theCachedDatasetHoldsExactlyTheInMemoryDataset(String name, int cases, boolean testSplit, String json, int channels,
                                                        int axis, boolean foregroundOnly, boolean ct) {
        Path root = tmp.resolve("ds");
        if (cases < 0) writePadded(root, -cases);
        else TinyNnUnet.write(root, cases, testSplit, json, channels);
        NnUnetDataset.Options o = new NnUnetDataset.Options(axis, foregroundOnly,
                ct ? NnUnetDataset.Normalization.CT : NnUnetDataset.Normalization.ZSCORE, !name.contains("no validation"));
        SplitDataset memory = NnUnetDataset.load(root, o);
        SplitDataset cached = NnUnetDataset.load(root, o.withCache(NnUnetCache.Settings.of(tmp.resolve("cache"))));
        assertThat(cached.training()).isInstanceOf(CachedSlices.class);
        assertSame(memory.training(), cached.training());
        assertSame(memory.validation(), cached.validation());
        assertSame(memory.test(), cached.test());
        assertThat(cached.classNames()).isEqualTo(memory.classNames());
        assertThat(cached.normalization()).isEqualTo(memory.normalization());
        assertThat(cached.description()).startsWith(memory.description()).contains("case cache");
        if (cases < 0) {
            CachedCase c = CachedCase.open(tmp.resolve("cache").resolve("case_000" + CaseFile.EXTENSION));
            assertThat(c.cropSize()).containsExactly(10, 8, 6);
            assertThat(c.cropLow()).containsExactly(5, 6, 2);
        }
    }

    private static void assertSame(List<Sample> expected, List<Sample> actual) {
        assertThat(actual).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Sample e = expected.get(i), a = actual.get(i);
            assertThat(a.id()).isEqualTo(e.id());
            assertThat(a.image().grid().sizes()).containsExactly(e.image().grid().sizes());
            assertThat(a.image().grid().spacings()).containsExactly(e.image().grid().spacings());
            assertThat(a.labels().data()).as(e.id()).containsExactly(e.labels().data());
            assertThat(a.channelCount()).isEqualTo(e.channelCount());
            for (int c = 0; c < e.channelCount(); c++) assertThat(a.channels().get(c).data()).as(e.id()).containsExactly(e.channels().get(c).data());
        }
    }

    /** Cases of 20 x 20 x 10 voxels whose intensities are 0 outside a 10 x 8 x 6 box (MRI after skull stripping). */
    static void writePadded(Path root, int cases) {
        try {
            Files.createDirectories(root.resolve("imagesTr"));
            Files.createDirectories(root.resolve("labelsTr"));
            Files.writeString(root.resolve("dataset.json"), TinyNnUnet.DATASET_JSON_V2);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Random r = new Random(9);
        for (int k = 0; k < cases; k++) {
            Grid g = Grid.of(new int[] {20, 20, 10}, new double[] {1, 1, 2});
            float[] v = new float[g.voxelCount()];
            int[] l = new int[g.voxelCount()];
            for (int z = 2; z < 8; z++) for (int y = 6; y < 14; y++) for (int x = 5; x < 15; x++) {
                int i = g.index(x, y, z);
                l[i] = x >= 8 && x < 12 && y >= 8 && y < 12 && z >= 3 && z < 6 ? (x < 10 ? 1 : 2) : 0;
                v[i] = (float) (60 + 40 * l[i] + 5 * r.nextGaussian());
            }
            String id = String.format("case_%03d", k);
            Nifti.write(root.resolve("imagesTr").resolve(id + "_0000.nii.gz"), new FloatImage(g, v));
            Nifti.write(root.resolve("labelsTr").resolve(id + ".nii.gz"), new LabelImage(g, l));
        }
    }

    @Test
    void onlyMissingDamagedOrChangedCasesAreRebuilt() throws IOException {
        Path root = tmp.resolve("ds"), cache = tmp.resolve("cache");
        TinyNnUnet.write(root, 10, true, TinyNnUnet.DATASET_JSON_V2);
        NnUnetDataset.Options o = NnUnetDataset.Options.defaults().withCache(NnUnetCache.Settings.of(cache));
        NnUnetCache.Report first = NnUnetCache.preprocess(root, o);
        assertThat(first.cases()).isEqualTo(10);
        assertThat(first.written()).isEqualTo(10);
        assertThat(first.sourceBytes()).isPositive();
        assertThat(cache.resolve(NnUnetCache.MANIFEST)).content().contains("cases=case_000,case_001").contains("normalization=zscore");
        assertThat(cache.resolve(NnUnetCache.FINGERPRINT)).content().contains("median_shape=12.0 10.0 6.0").contains("class_voxels=");
        assertThat(NnUnetCache.preprocess(root, o).written()).isZero();

        Path image = root.resolve("imagesTr/case_002_0000.nii.gz");
        Files.setLastModifiedTime(image, FileTime.fromMillis(Files.getLastModifiedTime(image).toMillis() + 5000));
        Files.delete(cache.resolve("case_005" + CaseFile.EXTENSION));
        Path damaged = cache.resolve("case_007" + CaseFile.EXTENSION);
        byte[] b = Files.readAllBytes(damaged);
        Files.write(damaged, java.util.Arrays.copyOf(b, b.length - 100));
        Path leftover = cache.resolve(".case_001" + CaseFile.EXTENSION + ".3f2a.tmp");
        Files.writeString(leftover, "half-written by a killed preprocess");
        NnUnetCache.Report again = NnUnetCache.preprocess(root, o);
        assertThat(again.written()).isEqualTo(3);
        assertThat(again.reused()).isEqualTo(7);
        assertThat(leftover).doesNotExist();

        // another normalisation makes every case stale
        NnUnetDataset.Options ct = new NnUnetDataset.Options(2, true, NnUnetDataset.Normalization.CT, true, o.cache());
        assertThat(NnUnetCache.preprocess(root, ct).written()).isEqualTo(10);
        // a checksum error in a case whose stamp still matches is caught by --verify
        Path flipped = cache.resolve("case_003" + CaseFile.EXTENSION);
        byte[] c = Files.readAllBytes(flipped);
        c[c.length - 200] ^= 0x10;
        Files.write(flipped, c);
        assertThat(NnUnetCache.preprocess(root, ct).written()).isZero();
        var verify = new NnUnetCache.Settings(cache, CaseFile.Storage.FLOAT32, 2, true, null);
        assertThat(NnUnetCache.preprocess(root, ct.withCache(verify)).written()).isEqualTo(1);
    }

    @Test
    void float16HalvesTheIntensitiesAndStaysWithinHalfPrecision() throws IOException {
        Path root = tmp.resolve("ds");
        writePadded(root, 3);
        NnUnetDataset.Options o = new NnUnetDataset.Options(2, false, NnUnetDataset.Normalization.ZSCORE, true);
        SplitDataset memory = NnUnetDataset.load(root, o);
        SplitDataset half = NnUnetDataset.load(root, o.withCache(new NnUnetCache.Settings(tmp.resolve("h"), CaseFile.Storage.FLOAT16, 1, false, null)));
        NnUnetDataset.load(root, o.withCache(NnUnetCache.Settings.of(tmp.resolve("f"))));
        assertThat(Files.size(tmp.resolve("h/case_000" + CaseFile.EXTENSION))).isLessThan(Files.size(tmp.resolve("f/case_000" + CaseFile.EXTENSION)));
        assertThat(half.training()).hasSize(memory.training().size());
        for (int i = 0; i < memory.training().size(); i++) {
            float[] e = memory.training().get(i).image().data(), a = half.training().get(i).image().data();
            for (int j = 0; j < e.length; j++) assertThat((double) Math.abs(a[j] - e[j])).isLessThanOrEqualTo(Math.abs(e[j]) * 0x1p-11 + 1e-7);
            assertThat(half.training().get(i).labels().data()).containsExactly(memory.training().get(i).labels().data());
        }
    }

    @Test
    void ctStatisticsKeepABoundedSeededSampleOfEachLargeCaseAndStayClose() {
        Path root = tmp.resolve("ds");
        SyntheticNnUnet.write(root, 6, new int[] {40, 40, 30}, ".nii", 3);
        List<String> ids = List.of("case_0000", "case_0001", "case_0002", "case_0003", "case_0004", "case_0005");
        Path im = root.resolve("imagesTr"), lb = root.resolve("labelsTr");
        NnUnetDataset.CtStatistics exact = NnUnetDataset.ctStatistics(im, lb, ids, ".nii", 3);
        assertThat(NnUnetDataset.ctStatistics(im, lb, ids, ".nii", 3, Integer.MAX_VALUE)).isEqualTo(exact); // under the budget: all voxels
        NnUnetDataset.CtStatistics sampled = NnUnetDataset.ctStatistics(im, lb, ids, ".nii", 3, 6 * 400);
        assertThat(sampled).isEqualTo(NnUnetDataset.ctStatistics(im, lb, ids, ".nii", 3, 6 * 400)); // seeded
        assertThat(sampled).isNotEqualTo(exact);
        assertThat(sampled.mean()).isCloseTo(exact.mean(), org.assertj.core.data.Offset.offset(0.1 * exact.std()));
        assertThat(sampled.std()).isCloseTo(exact.std(), org.assertj.core.data.Offset.offset(0.1 * exact.std()));
        assertThat(sampled.low()).isCloseTo(exact.low(), org.assertj.core.data.Offset.offset(0.3 * exact.std()));
        assertThat(sampled.high()).isCloseTo(exact.high(), org.assertj.core.data.Offset.offset(0.3 * exact.std()));
    }

    @Test
    void aMissingLabelFileIsNamedBeforeAnythingIsCached() throws IOException {
        Path root = tmp.resolve("ds");
        TinyNnUnet.write(root, 6, false, TinyNnUnet.DATASET_JSON_V2);
        Files.delete(root.resolve("labelsTr/case_004.nii.gz"));
        NnUnetDataset.Options o = NnUnetDataset.Options.defaults().withCache(NnUnetCache.Settings.of(tmp.resolve("cache")));
        assertThatThrownBy(() -> NnUnetDataset.load(root, o)).hasMessageContaining("case_004").hasMessageContaining("missing");
        assertThat(tmp.resolve("cache")).doesNotExist();
    }
}
