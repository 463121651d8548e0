package org.regionwise.training.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
import org.regionwise.training.cache.internal.Half;
import org.regionwise.training.internal.PatchSampler;

/**
 * The case file against the volume it was written from: every voxel, label, foreground index and slice statistic
 * compared with a brute-force recomputation, for 2D and 3D, anisotropic, empty, full and padded cases.
 */
class CaseFileTest {
    static TestVolumes.Volume volume(long seed, int dims, int[] shape, double[] spacing, int channels, int classes, int pad, int labelMode) {
        return TestVolumes.volume(seed, dims, shape, spacing, channels, classes, pad, labelMode);
    }

    static Sample slice(TestVolumes.Volume v, int axis, int i) { return TestVolumes.slice(v, axis, i); }

    @TempDir Path dir;

    static Stream<Arguments> volumes() {
        return Stream.of(
                Arguments.of("3D anisotropic, padded", volume(1, 3, new int[] {11, 9, 7}, new double[] {0.8, 0.8, 2.5}, 1, 3, 2, 0)),
                Arguments.of("3D two channels", volume(2, 3, new int[] {8, 10, 6}, new double[] {1, 1, 1}, 2, 4, 1, 0)),
                Arguments.of("3D no padding", volume(3, 3, new int[] {5, 6, 7}, new double[] {1, 2, 3}, 1, 2, 0, 0)),
                Arguments.of("3D empty labels", volume(4, 3, new int[] {6, 6, 6}, new double[] {1, 1, 1}, 1, 2, 1, 1)),
                Arguments.of("3D full foreground", volume(5, 3, new int[] {6, 5, 4}, new double[] {1, 1, 1}, 1, 3, 0, 2)),
                Arguments.of("3D all fill (nothing kept)", volume(6, 3, new int[] {6, 6, 6}, new double[] {1, 1, 1}, 1, 2, 3, 1)),
                Arguments.of("2D", volume(7, 2, new int[] {13, 9, 1}, new double[] {0.7, 1.1, 1}, 1, 3, 2, 0)),
                Arguments.of("2D, 300 classes (uint16 labels)", volume(8, 2, new int[] {12, 12, 1}, new double[] {1, 1, 1}, 1, 300, 1, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("volumes")
    void everyVoxelLabelForegroundIndexAndSliceStatisticMatchesTheVolume(String name, TestVolumes.Volume v) throws IOException {
        Path f = dir.resolve("c" + CaseFile.EXTENSION);
        CaseFile.Written w = CaseFile.write(f, v.content("stamp " + name), CaseFile.Storage.FLOAT32);
        CachedCase c = CachedCase.open(f);
        c.verify();
        assertThat(c.sourceStamp()).isEqualTo("stamp " + name);
        assertThat(c.shape()).containsExactly(v.shape());
        assertThat(c.spacing()).containsExactly(v.spacing());
        assertThat(c.dimensions()).isEqualTo(v.dims());
        assertThat(w.bytes()).isEqualTo(Files.size(f)).isEqualTo(c.bytes());
        int[] sh = v.shape();
        List<Integer> fg = new ArrayList<>();
        long[] classVoxels = new long[v.classes()];
        for (int z = 0; z < sh[2]; z++) {
            for (int y = 0; y < sh[1]; y++) {
                for (int x = 0; x < sh[0]; x++) {
                    for (int ch = 0; ch < v.channels().length; ch++) {
                        assertThat(Float.floatToRawIntBits(c.value(ch, x, y, z))).as("channel %d at %d %d %d", ch, x, y, z)
                                .isEqualTo(Float.floatToRawIntBits(v.value(ch, x, y, z)));
                    }
                    assertThat(c.label(x, y, z)).isEqualTo(v.label(x, y, z));
                    classVoxels[v.label(x, y, z)]++;
                    if (v.label(x, y, z) > 0) fg.add(x + sh[0] * (y + sh[1] * z));
                }
            }
        }
        assertThat(c.classVoxels()).containsExactly(classVoxels);
        assertThat(c.foregroundCount()).isEqualTo(fg.size());
        for (int j = 0; j < fg.size(); j++) assertThat(c.foregroundVoxel(j)).isEqualTo(fg.get(j));
        // the crop box is the bounding box of what differs from the fill or is labelled, nothing more
        int[] lo = c.cropLow(), size = c.cropSize();
        for (int z = 0; z < sh[2]; z++) {
            for (int y = 0; y < sh[1]; y++) {
                for (int x = 0; x < sh[0]; x++) {
                    boolean in = x >= lo[0] && y >= lo[1] && z >= lo[2] && x < lo[0] + size[0] && y < lo[1] + size[1] && z < lo[2] + size[2];
                    boolean differs = v.label(x, y, z) != 0;
                    for (int ch = 0; ch < v.channels().length; ch++) differs |= v.value(ch, x, y, z) != v.fill()[ch];
                    if (differs) assertThat(in).as("voxel %d %d %d outside the crop box", x, y, z).isTrue();
                }
            }
        }
        // slice statistics: the z-score of each slice cut in memory
        for (int axis = 0; axis < (v.dims() == 2 ? 1 : 3); axis++) {
            int a = v.dims() == 2 ? 2 : axis;
            for (int i = 0; i < sh[a]; i++) {
                Sample s = slice(v, a, i);
                Sample cs = c.slice("id", a, i);
                assertThat(cs.labels().data()).containsExactly(s.labels().data());
                assertThat(cs.image().grid().sizes()).containsExactly(s.image().grid().sizes());
                assertThat(cs.image().grid().spacings()).containsExactly(s.image().grid().spacings());
                assertThat(c.sliceForeground(a, i)).isEqualTo((int) java.util.Arrays.stream(s.labels().data()).filter(l -> l > 0).count());
                for (int ch = 0; ch < v.channels().length; ch++) {
                    float[] data = s.channels().get(ch).data();
                    assertThat(cs.channels().get(ch).data()).containsExactly(data);
                    float[] z = PatchSampler.zScore(data);
                    for (int k = 0; k < data.length; k++) {
                        float fromCache = (float) ((data[k] - c.sliceMean(a, i, ch)) / c.sliceStd(a, i, ch));
                        assertThat(Float.floatToRawIntBits(fromCache)).isEqualTo(Float.floatToRawIntBits(z[k]));
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("volumes")
    void threeDimensionalPatchReadsEqualVoxelByVoxelReads(String name, TestVolumes.Volume v) {
        for (CaseFile.Storage storage : CaseFile.Storage.values()) {
            Path f = dir.resolve("p" + storage + CaseFile.EXTENSION);
            CaseFile.write(f, v.content("p"), storage);
            CachedCase c = CachedCase.open(f);
            SplittableRandom r = new SplittableRandom(name.hashCode());
            int[] sh = v.shape();
            for (int t = 0; t < 40; t++) {
                int[] size = {1 + r.nextInt(sh[0] + 3), 1 + r.nextInt(sh[1] + 3), 1 + r.nextInt(sh[2] + 2)};
                int[] low = {r.nextInt(-3, sh[0]), r.nextInt(-3, sh[1]), r.nextInt(-2, sh[2])};
                int n = size[0] * size[1] * size[2];
                float[] got = new float[n];
                int[] labels = new int[n];
                int ch = r.nextInt(v.channels().length);
                c.readPatch(ch, low, size, -7f, got);
                c.readLabels(low, size, labels);
                for (int k = 0, o = 0; k < size[2]; k++) {
                    for (int j = 0; j < size[1]; j++) {
                        for (int i = 0; i < size[0]; i++, o++) {
                            int x = low[0] + i, y = low[1] + j, z = low[2] + k;
                            boolean in = x >= 0 && y >= 0 && z >= 0 && x < sh[0] && y < sh[1] && z < sh[2];
                            assertThat(got[o]).as("%s %s box %s+%s at %d %d %d", storage, name, java.util.Arrays.toString(low),
                                    java.util.Arrays.toString(size), x, y, z).isEqualTo(in ? c.value(ch, x, y, z) : -7f);
                            assertThat(labels[o]).isEqualTo(in ? v.label(x, y, z) : 0);
                        }
                    }
                }
            }
        }
    }

    @Test
    void float16StoresEachValueRoundedToTheNearestHalf() throws IOException {
        TestVolumes.Volume v = volume(11, 3, new int[] {9, 8, 7}, new double[] {1, 1, 1}, 1, 3, 1, 0);
        Path f = dir.resolve("h" + CaseFile.EXTENSION);
        CaseFile.write(f, v.content("h"), CaseFile.Storage.FLOAT16);
        CachedCase c = CachedCase.open(f);
        c.verify();
        assertThat(c.storage()).isEqualTo(CaseFile.Storage.FLOAT16);
        long full = Files.size(dir.resolve("h" + CaseFile.EXTENSION));
        CaseFile.write(dir.resolve("f" + CaseFile.EXTENSION), v.content("f"), CaseFile.Storage.FLOAT32);
        assertThat(full).isLessThan(Files.size(dir.resolve("f" + CaseFile.EXTENSION)));
        for (int z = 0; z < 7; z++) {
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 9; x++) {
                    float exact = v.value(0, x, y, z);
                    assertThat(c.value(0, x, y, z)).isEqualTo(Half.round(exact));
                    assertThat(Math.abs(c.value(0, x, y, z) - exact)).isLessThanOrEqualTo(Math.abs(exact) * 0x1p-11f + 0x1p-25f);
                }
            }
        }
    }

    @Test
    void halfConversionIsExactOnEveryHalfAndRoundsToTheNearest() {
        for (int h = 0; h < 65536; h++) {
            float f = Half.toFloat((short) h);
            if (Float.isNaN(f)) { assertThat(Float.isNaN(Half.round(f))).isTrue(); continue; }
            assertThat(Half.fromFloat(f) & 0xFFFF).as("half %04x", h).isEqualTo(h);
        }
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 200_000; i++) {
            float f = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(-9, 6)));
            float h = Half.round(f);
            if (Math.abs(f) > 65504) continue;
            // no half is nearer: the neighbours of h are not closer to f
            short bits = Half.fromFloat(f);
            float up = Half.toFloat((short) (bits + 1)), down = Half.toFloat((short) (bits - 1));
            double e = Math.abs((double) h - f);
            if (!Float.isInfinite(up) && !Float.isNaN(up)) assertThat(e).isLessThanOrEqualTo(Math.abs((double) up - f));
            if (!Float.isInfinite(down) && !Float.isNaN(down) && (bits & 0x7FFF) != 0) assertThat(e).isLessThanOrEqualTo(Math.abs((double) down - f));
        }
        assertThat(Half.round(1e6f)).isInfinite();
        assertThat(Half.round(65504f)).isEqualTo(65504f);
        assertThat(Half.round(0x1p-24f)).isEqualTo(0x1p-24f);
    }

    @Test
    void aDamagedFileIsRefusedWithItsName() throws IOException {
        TestVolumes.Volume v = volume(12, 3, new int[] {6, 6, 6}, new double[] {1, 1, 1}, 1, 2, 1, 0);
        Path f = dir.resolve("d" + CaseFile.EXTENSION);
        CaseFile.write(f, v.content("d"), CaseFile.Storage.FLOAT32);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            long at = ch.size() - 3;
            ch.read(b, at);
            b.put(0, (byte) (b.get(0) ^ 0x40)).rewind();
            ch.write(b, at);
        }
        CachedCase c = CachedCase.open(f); // the header is intact
        assertThatThrownBy(c::verify).hasMessageContaining(f.toString()).hasMessageContaining("checksum");
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 10);
        }
        assertThatThrownBy(() -> CachedCase.open(f)).hasMessageContaining(f.toString()).hasMessageContaining("truncated");
        Files.writeString(f, "not a case file at all, just some text that is long enough to hold a header........................"
                + "...........................................................................");
        assertThatThrownBy(() -> CachedCase.open(f)).hasMessageContaining("bad magic");
    }

    @Test
    void aLabelOutsideTheClassesIsRefusedBeforeAnythingIsWritten() {
        TestVolumes.Volume v = volume(13, 3, new int[] {4, 4, 4}, new double[] {1, 1, 1}, 1, 2, 0, 0);
        int[] lab = v.labels().clone();
        lab[5] = 7;
        TestVolumes.Volume bad = new TestVolumes.Volume(3, v.shape(), v.spacing(), v.channels(), v.fill(), lab, 2);
        Path f = dir.resolve("bad" + CaseFile.EXTENSION);
        assertThatThrownBy(() -> CaseFile.write(f, bad.content("x"), CaseFile.Storage.FLOAT32)).hasMessageContaining("label 7");
        assertThat(f).doesNotExist();
    }

    @Test
    void cachedSlicesListsSlicesInCaseOrderWithInMemoryIdsAndForegroundLists() {
        List<CachedCase> cases = new ArrayList<>();
        List<TestVolumes.Volume> vols = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            TestVolumes.Volume v = volume(20 + k, 3, new int[] {7, 6, 5}, new double[] {1, 1, 2}, 1, 3, 1, 0);
            Path f = dir.resolve("v" + k + CaseFile.EXTENSION);
            CaseFile.write(f, v.content("v"), CaseFile.Storage.FLOAT32);
            cases.add(CachedCase.open(f));
            vols.add(v);
        }
        for (int axis = 0; axis < 3; axis++) {
            CachedSlices all = CachedSlices.of("ds", List.of("a", "b", "c"), cases, axis, false);
            CachedSlices fgOnly = CachedSlices.of("ds", List.of("a", "b", "c"), cases, axis, true);
            int expected = 0, expectedFg = 0;
            for (TestVolumes.Volume v : vols) {
                for (int i = 0; i < v.shape()[axis]; i++) {
                    expected++;
                    if (java.util.Arrays.stream(slice(v, axis, i).labels().data()).anyMatch(l -> l > 0)) expectedFg++;
                }
            }
            assertThat(all).hasSize(expected);
            assertThat(fgOnly).hasSize(expectedFg);
            assertThat(all.get(0).id()).isEqualTo("ds/a/" + "xyz".charAt(axis) + "000");
            for (int i = 0; i < all.size(); i++) {
                Sample s = all.get(i);
                int[] lab = s.labels().data();
                List<Integer> fg = new ArrayList<>();
                for (int j = 0; j < lab.length; j++) if (lab[j] > 0) fg.add(j);
                assertThat(all.foregroundCount(i)).isEqualTo(fg.size());
                for (int j = 0; j < fg.size(); j++) assertThat(all.foregroundAt(i, j)).isEqualTo(fg.get(j));
            }
            CachedSlices picked = all.select(new int[] {3, 1});
            assertThat(picked.get(0).id()).isEqualTo(all.get(3).id());
            assertThat(picked.get(1).labels().data()).containsExactly(all.get(1).labels().data());
        }
    }
}
