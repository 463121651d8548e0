package org.regionwise.training.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.map.Maps;
import org.regionwise.training.cache.CachedCase;
import org.regionwise.training.cache.CachedVolumes;
import org.regionwise.training.cache.CaseFile;
import org.regionwise.training.cache.TestVolumes;
import org.regionwise.training.spi.Batch;

/** 3D patches against brute force, and from the memory-mapped cache bit-identical to patches from memory. */
class VolumeSamplerTest {
    @TempDir Path dir;

    private static Sample sample(TestVolumes.Volume v, String id) {
        Grid g = Grid.of(v.shape(), v.spacing());
        List<FloatImage> ch = new ArrayList<>();
        for (float[] c : v.channels()) ch.add(new FloatImage(g, c.clone()));
        return new Sample(id, ch, new LabelImage(g, v.labels().clone()));
    }

    @Test
    void batchesFromCachedVolumesAreBitIdenticalToBatchesFromMemoryAtEveryScale() {
        List<CachedCase> cases = new ArrayList<>();
        List<Sample> memory = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            TestVolumes.Volume v = TestVolumes.volume(60 + k, 3, new int[] {22, 19, 14}, new double[] {0.9, 0.9, 2.5}, 2, 3, 2, 0);
            Path f = dir.resolve("case" + k + CaseFile.EXTENSION);
            CaseFile.write(f, v.content("s"), CaseFile.Storage.FLOAT32);
            cases.add(CachedCase.open(f));
            memory.add(sample(v, "ds/case" + k));
            ids.add("case" + k);
        }
        CachedVolumes cached = CachedVolumes.of("ds", ids, cases);
        assertThat(cached.get(1).image().data()).containsExactly(memory.get(1).image().data());
        assertThat(cached.get(1).labels().data()).containsExactly(memory.get(1).labels().data());
        assertThat(cached.get(1).id()).isEqualTo("ds/case1");
        // anisotropic factors: scale 1 halves x and y only
        int[][] factors = {{1, 1, 1}, {2, 2, 1}, {4, 4, 2}};
        BatchFactory fromCache = new BatchFactory(new VolumeSampler(cached, 16, true), List.of(Maps.rectified()), 3, 3, factors, 7);
        BatchFactory fromMemory = new BatchFactory(new VolumeSampler(memory, 16, true), List.of(Maps.rectified()), 3, 3, factors, 7);
        for (int step = 0; step < 8; step++) {
            Batch a = fromMemory.create(2, step), b = fromCache.create(2, step);
            assertThat(a.depth(0)).isEqualTo(16);
            assertThat(a.depth(1)).isEqualTo(16);
            assertThat(a.height(1)).isEqualTo(8);
            assertThat(a.depth(2)).isEqualTo(8);
            assertThat(a.width(2)).isEqualTo(4);
            assertThat(b.images()).as("step %d images", step).containsExactly(a.images());
            for (int s = 0; s < 3; s++) {
                assertThat(b.labels(s)).containsExactly(a.labels(s));
                assertThat(b.map(s, 0)).containsExactly(a.map(s, 0));
                assertThat(a.labels(s)).hasSize(3 * a.depth(s) * a.height(s) * a.width(s));
            }
        }
    }

    @Test
    void anUnaugmentedPatchIsTheExactCropAndAMirroredOneTheFlippedCrop() {
        TestVolumes.Volume v = TestVolumes.volume(5, 3, new int[] {20, 18, 12}, new double[] {1, 1, 1}, 1, 3, 0, 0);
        Sample s = sample(v, "v");
        VolumeSampler sampler = new VolumeSampler(List.of(s), 8, false);
        VolumeSampler.InMemory m = VolumeSampler.prepare(s);
        float[] z = PatchSampler.zScore(v.channels()[0]);
        int cx = 9, cy = 7, cz = 5;
        PatchSampler.Patch plain = sampler.extract(m, cx, cy, cz, Augmentation3D.none());
        PatchSampler.Patch flipped = sampler.extract(m, cx, cy, cz,
                new Augmentation3D(new double[] {-1, 0, 0, 0, 1, 0, 0, 0, -1}, 1, 0, 0));
        for (int w = 0; w < 8; w++) for (int q = 0; q < 8; q++) for (int u = 0; u < 8; u++) {
            int o = u + 8 * (q + 8 * w);
            int x = cx + u - 4, y = cy + q - 4, zz = cz + w - 4;
            boolean in = x >= 0 && y >= 0 && zz >= 0 && x < 20 && y < 18 && zz < 12;
            assertThat(plain.image()[o]).isEqualTo(in ? z[x + 20 * (y + 18 * zz)] : 0f);
            assertThat(plain.labels()[o]).isEqualTo(in ? v.labels()[x + 20 * (y + 18 * zz)] : 0);
            int fx = cx - (u - 4), fz = cz - (w - 4);
            boolean fin = fx >= 0 && fz >= 0 && fx < 20 && y >= 0 && y < 18 && fz < 12;
            assertThat(flipped.image()[o]).isEqualTo(fin ? z[fx + 20 * (y + 18 * fz)] : 0f);
        }
    }

    @Test
    void theLastThirdOfABatchIsCentredOnForeground() {
        // one foreground voxel in 20^3: a uniform draw would almost never hit it
        int n = 20;
        int[] lab = new int[n * n * n];
        lab[3 + n * (15 + n * 11)] = 2;
        float[] img = new float[lab.length];
        for (int i = 0; i < img.length; i++) img[i] = i % 7;
        Grid g = Grid.of(new int[] {n, n, n}, new double[] {1, 1, 1});
        VolumeSampler sampler = new VolumeSampler(List.of(new Sample("one", new FloatImage(g, img), new LabelImage(g, lab))), 8, false);
        for (int t = 0; t < 5; t++) {
            PatchSampler.Patch p = sampler.draw(new SplittableRandom(t), 5, 6);
            assertThat(p.labels()[4 + 8 * (4 + 8 * 4)]).as("patch centre").isEqualTo(2);
        }
    }

    @Test
    void rotationsAreLimitedToAxesWhoseOtherTwoSpacingsAgree() {
        double[] thick = {1, 1, 3};
        assertThat(Augmentation3D.rotatable(thick, 2)).as("in-plane, about z").isTrue();
        assertThat(Augmentation3D.rotatable(thick, 0)).isFalse();
        assertThat(Augmentation3D.rotatable(thick, 1)).isFalse();
        // drawn transforms of a thick-slice volume never mix z with x or y
        for (int t = 0; t < 200; t++) {
            double[] a = Augmentation3D.draw(new SplittableRandom(t), thick).a();
            assertThat(a[2]).isZero();
            assertThat(a[5]).isZero();
            assertThat(a[6]).isZero();
            assertThat(a[7]).isZero();
            assertThat(Math.abs(a[8])).isBetween(0.85, 1.25);
        }
    }

    @Test
    void physicalSpacingReshapesTheThreeDMapsOfAnisotropicVolumesOnly() {
        var voxel = org.regionwise.core.loss.Losses.rectifiedRegionWise().maps();
        var mm = org.regionwise.core.loss.Losses.withDistanceUnits(org.regionwise.core.loss.Losses.rectifiedRegionWise(),
                org.regionwise.core.map.DistanceUnits.PHYSICAL).maps();
        for (double dz : new double[] {1, 3}) {
            TestVolumes.Volume v = TestVolumes.volume(9, 3, new int[] {20, 20, 16}, new double[] {1, 1, dz}, 1, 3, 0, 0);
            List<Sample> vol = List.of(sample(v, "v"));
            int[][] factors = {{1, 1, 1}, {2, 2, 2}};
            Batch a = new BatchFactory(new VolumeSampler(vol, 16, false), voxel, 2, 3, factors, 1).create(0, 0);
            Batch b = new BatchFactory(new VolumeSampler(vol, 16, false), mm, 2, 3, factors, 1).create(0, 0);
            assertThat(b.labels(0)).containsExactly(a.labels(0));
            boolean same = java.util.Arrays.equals(a.map(0, 0), b.map(0, 0)) && java.util.Arrays.equals(a.map(1, 0), b.map(1, 0));
            // RRW is normalised per class: an isotropic spacing cancels, 1 x 1 x 3 mm does not
            assertThat(same).as("z spacing %s", dz).isEqualTo(dz == 1);
        }
    }

    @Test
    void twoDSamplesAndTwoDCasesAreRefusedByName() {
        Grid g = Grid.of2D(8, 8);
        Sample flat = new Sample("flat", new FloatImage(g, new float[64]), new LabelImage(g, new int[64]));
        assertThatThrownBy(() -> new VolumeSampler(List.of(flat), 8, true)).hasMessageContaining("flat").hasMessageContaining("3D U-Net trains on 3D volumes");
    }
}
