package org.regionwise.training.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.map.Maps;
import org.regionwise.maps.MultiScaleMaps;
import org.regionwise.maps.RegionWiseMaps;
import org.regionwise.training.spi.Batch;

/** The input pipeline: determinism whatever the threads, and maps recomputed from each scale's labels. */
class BatchFactoryTest {

    static List<Sample> samples() {
        Random r = new Random(3);
        List<Sample> out = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            Grid g = Grid.of(new int[] {40, 36}, new double[] {1, 1.5});
            float[] img = new float[g.voxelCount()];
            int[] lab = new int[g.voxelCount()];
            for (int i = 0; i < lab.length; i++) {
                int x = i % 40, y = i / 40;
                lab[i] = (x > 10 + c && x < 30 && y > 8 && y < 25) ? (x < 20 ? 1 : 2) : 0;
                img[i] = (float) (lab[i] * 10 + r.nextGaussian());
            }
            out.add(new Sample("c" + c, new FloatImage(g, img), new LabelImage(g, lab)));
        }
        return out;
    }

    @Test
    void batchesDependOnlyOnSeedEpochAndStepWhateverTheWorkers() {
        PatchSampler sampler = new PatchSampler(samples(), 16, true);
        BatchFactory f = new BatchFactory(sampler, List.of(Maps.rectified()), 3, 3, 2, 99);
        List<Batch> serial = new ArrayList<>(), parallel = new ArrayList<>();
        try (BatchPipeline p = new BatchPipeline(f, 1, 3, 4, 0, 1)) { for (int i = 0; i < 8; i++) serial.add(p.next()); }
        try (BatchPipeline p = new BatchPipeline(f, 1, 3, 4, 3, 5)) { for (int i = 0; i < 8; i++) parallel.add(p.next()); }
        for (int i = 0; i < 8; i++) {
            Batch a = serial.get(i), b = parallel.get(i);
            assertThat(b.images()).containsExactly(a.images());
            for (int s = 0; s < 2; s++) {
                assertThat(b.labels(s)).containsExactly(a.labels(s));
                assertThat(b.map(s, 0)).containsExactly(a.map(s, 0));
            }
        }
        Batch again = f.create(2, 3);
        assertThat(again.images()).containsExactly(serial.get(7).images());
        assertThat(f.create(2, 2).images()).isNotEqualTo(again.images());
    }

    @Test
    void mapsAreRecomputedFromEachScalesLabelsInChannelsLastLayout() {
        PatchSampler sampler = new PatchSampler(samples(), 16, true);
        BatchFactory f = new BatchFactory(sampler, List.of(Maps.rectified()), 2, 3, 2, 5);
        Batch b = f.create(0, 0);
        assertThat(b.height(1)).isEqualTo(8);
        for (int j = 0; j < 2; j++) {
            int[] full = java.util.Arrays.copyOfRange(b.labels(0), j * 256, (j + 1) * 256);
            LabelImage l0 = new LabelImage(Grid.of2D(16, 16), full);
            LabelImage l1 = MultiScaleMaps.downsample(l0, new double[] {0.5, 0.5});
            assertThat(java.util.Arrays.copyOfRange(b.labels(1), j * 64, (j + 1) * 64)).containsExactly(l1.data());
            ClassMaps z = RegionWiseMaps.create(Maps.rectified()).compute(l1, 3);
            float[] fed = b.map(1, 0);
            for (int i = 0; i < 64; i++) {
                for (int k = 0; k < 3; k++) assertThat(fed[(j * 64 + i) * 3 + k]).isEqualTo(z.get(k, i));
            }
        }
    }

    @Test
    void withoutAugmentationAPatchIsTheCropAroundItsCentre() {
        List<Sample> s = samples();
        PatchSampler sampler = new PatchSampler(s, 8, false);
        PatchSampler.Case c = PatchSampler.prepare(s.get(0));
        PatchSampler.Patch p = sampler.extract(c, 20, 15, Augmentation.none());
        for (int v = 0; v < 8; v++) {
            for (int u = 0; u < 8; u++) {
                int src = (20 - 4 + u) + 40 * (15 - 4 + v);
                assertThat(p.labels()[u + 8 * v]).isEqualTo(c.labels()[src]);
                assertThat(p.image()[u + 8 * v]).isEqualTo(c.channels()[0][src]);
            }
        }
    }

    @Test
    void channelsAreCroppedAlikeAndInterleavedChannelsLast() {
        Grid g = Grid.of2D(40, 30);
        java.util.Random r = new java.util.Random(9);
        float[] a = new float[g.voxelCount()], b = new float[g.voxelCount()];
        int[] lab = new int[g.voxelCount()];
        for (int i = 0; i < a.length; i++) { a[i] = (float) r.nextGaussian(); b[i] = 5 + 3 * (float) r.nextGaussian(); lab[i] = r.nextInt(2); }
        Sample two = new Sample("two", List.of(new FloatImage(g, a), new FloatImage(g, b)), new LabelImage(g, lab));
        PatchSampler sampler = new PatchSampler(List.of(two), 8, false);
        assertThat(sampler.channels()).isEqualTo(2);
        PatchSampler.Case c = PatchSampler.prepare(two);
        PatchSampler.Patch p = sampler.extract(c, 20, 15, Augmentation.none());
        assertThat(p.image()).hasSize(8 * 8 * 2);
        for (int v = 0; v < 8; v++) {
            for (int u = 0; u < 8; u++) {
                int src = (20 - 4 + u) + 40 * (15 - 4 + v);
                for (int ch = 0; ch < 2; ch++) assertThat(p.image()[(u + 8 * v) * 2 + ch]).isEqualTo(c.channels()[ch][src]);
            }
        }
        // each channel is z-scored on its own
        assertThat(c.channels()[1]).isEqualTo(PatchSampler.zScore(b));
        // a batch holds B patches of p x p x 2 values, patch by patch
        BatchFactory f = new BatchFactory(sampler, List.of(), 3, 2, 1, 5);
        Batch batch = f.create(0, 0);
        assertThat(batch.images()).hasSize(3 * 8 * 8 * 2);
        assertThatThrownBy(() -> new PatchSampler(List.of(two, new Sample("one", new FloatImage(g, a), new LabelImage(g, lab))), 8, false))
                .hasMessageContaining("training sample one has 1 channels, the first one 2");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void augmentationMovesIntensitiesAndLabelsTogether(long seed) {
        // intensity = 10 * label exactly, so wherever the four bilinear neighbours share a label the resampled
        // intensity must equal 10 * the nearest-neighbour label
        Grid g = Grid.of2D(48, 40);
        int[] lab = new int[g.voxelCount()];
        float[] img = new float[g.voxelCount()];
        for (int i = 0; i < lab.length; i++) {
            int x = i % 48, y = i / 48;
            lab[i] = (x - 20) * (x - 20) + (y - 18) * (y - 18) < 100 ? 1 : (x > 30 && y > 25 ? 2 : 0);
            img[i] = 10 * lab[i];
        }
        PatchSampler.Case c = new PatchSampler.Case(48, 40, new double[] {1, 1}, new float[][] {img}, lab, new int[0]);
        PatchSampler sampler = new PatchSampler(List.of(new Sample("x", new FloatImage(g, img), new LabelImage(g, lab))), 16, true);
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        Augmentation a = Augmentation.draw(r);
        Augmentation spatialOnly = new Augmentation(a.a00(), a.a01(), a.a10(), a.a11(), 1, 0, 0);
        PatchSampler.Patch p = sampler.extract(c, 22, 20, spatialOnly);
        int checked = 0;
        for (int i = 0; i < p.labels().length; i++) {
            float v = p.image()[i];
            if (v == 0f || v == 10f || v == 20f) {
                // a pure value: bilinear weights all fell on voxels of one label (or outside = 0)
                if (Math.abs(v - 10 * p.labels()[i]) > 1e-4) {
                    // allowed only when the nearest voxel differs from the interpolation support, which a pure value excludes
                    throw new AssertionError("patch voxel " + i + ": intensity " + v + " but label " + p.labels()[i] + " for " + a);
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(128);
        // the transform is a rotation/mirror times a scale in [0.85, 1.25]
        double det = Math.abs(a.a00() * a.a11() - a.a01() * a.a10());
        assertThat(Math.sqrt(det)).isBetween(0.85 - 1e-9, 1.25 + 1e-9);
    }

    @Test
    void physicalUnitsChangeTheMapsOfAnisotropicPatchesOnlyAndBoundaryMapsScaleWithTheSpacing() {
        List<Sample> iso = new ArrayList<>(), aniso = new ArrayList<>();
        for (Sample s : samples()) {
            iso.add(new Sample(s.id(), new FloatImage(Grid.of(new int[] {40, 36}, new double[] {2, 2}), s.image().data()),
                    new LabelImage(Grid.of(new int[] {40, 36}, new double[] {2, 2}), s.labels().data())));
            aniso.add(new Sample(s.id(), new FloatImage(Grid.of(new int[] {40, 36}, new double[] {0.8, 2.5}), s.image().data()),
                    new LabelImage(Grid.of(new int[] {40, 36}, new double[] {0.8, 2.5}), s.labels().data())));
        }
        var voxels = org.regionwise.core.map.Maps.rectified();
        var mm = org.regionwise.core.loss.Losses.withDistanceUnits(voxels, org.regionwise.core.map.DistanceUnits.PHYSICAL);
        Batch isoV = new BatchFactory(new PatchSampler(iso, 16, true), List.of(voxels), 3, 3, 2, 5).create(0, 0);
        Batch isoP = new BatchFactory(new PatchSampler(iso, 16, true), List.of(mm), 3, 3, 2, 5).create(0, 0);
        Batch anV = new BatchFactory(new PatchSampler(aniso, 16, true), List.of(voxels), 3, 3, 2, 5).create(0, 0);
        Batch anP = new BatchFactory(new PatchSampler(aniso, 16, true), List.of(mm), 3, 3, 2, 5).create(0, 0);
        // RRW is normalised per class: an isotropic spacing cancels, an anisotropic one reshapes the maps
        for (int s = 0; s < 2; s++) {
            float[] a = isoV.map(s, 0), b = isoP.map(s, 0);
            for (int i = 0; i < a.length; i++) assertThat(b[i]).isCloseTo(a[i], org.assertj.core.api.Assertions.within(1e-6f));
        }
        assertThat(anP.map(0, 0)).isNotEqualTo(anV.map(0, 0));
        assertThat(anP.images()).containsExactly(anV.images()); // only the maps change
        // the paper's Boundary map is not normalised: in mm it is 2x the voxel map at 2 mm spacing
        var bV = org.regionwise.core.map.Maps.boundary();
        var bP = org.regionwise.core.loss.Losses.withDistanceUnits(bV, org.regionwise.core.map.DistanceUnits.PHYSICAL);
        float[] v = new BatchFactory(new PatchSampler(iso, 16, false), List.of(bV), 2, 3, 1, 5).create(0, 0).map(0, 0);
        float[] p = new BatchFactory(new PatchSampler(iso, 16, false), List.of(bP), 2, 3, 1, 5).create(0, 0).map(0, 0);
        int scaled = 0;
        for (int i = 0; i < v.length; i++) {
            if (v[i] == -1 && p[i] == -1) continue; // a class that fills the whole patch: -1 in any unit
            assertThat(p[i]).isCloseTo(2 * v[i], org.assertj.core.api.Assertions.within(1e-5f));
            if (v[i] != 0) scaled++;
        }
        assertThat(scaled).isGreaterThan(v.length / 10);
    }
}
