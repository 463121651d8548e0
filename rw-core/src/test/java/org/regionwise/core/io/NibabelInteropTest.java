package org.regionwise.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;

/**
 * RegionWise and nibabel read each other's files, and RegionWise reads nibabel's own test files the way nibabel does.
 * Skipped (with the reason) when /usr/bin/python3 cannot import nibabel.
 */
class NibabelInteropTest {
    @TempDir Path dir;

    @BeforeEach
    void needsNibabel() { Nibabel.assumeAvailable(); }

    /** Everything nibabel reports must match what RegionWise reads from the same files. */
    private void assertSameAsNibabel(Path... files) {
        java.util.List<Nibabel.Description> all = Nibabel.describeAll(dir, java.util.List.of(files));
        for (int k = 0; k < files.length; k++) assertSame(files[k], all.get(k));
    }

    private static void assertSame(Path file, Nibabel.Description nb) {
        NiftiVolume v = Nifti.read(file);
        assertThat(v.shape()).as("shape").containsExactly(nb.shape());
        assertThat(v.datatypeName()).as("dtype").isEqualTo(nb.dtype());
        assertThat(v.byteOrder()).as("byte order")
                .isEqualTo(nb.endianness().equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        assertThat(v.pixdim()).as("zooms").containsExactly(nb.zooms(), within(1e-6));
        if (v.frame().qformCode() > 0 || v.frame().sformCode() > 0) {
            double[][] a = v.affine();
            for (int r = 0; r < 4; r++) assertThat(a[r]).as("affine row %d", r).containsExactly(nb.affine()[r], within(1e-4));
        }
        assertThat(nb.data()).hasSize((int) v.voxelCount());
        for (int i = 0; i < nb.data().length; i++) {
            double expected = nb.data()[i];
            double tol = Math.max(1e-9, Math.abs(expected) * 1e-12);
            if (Math.abs(v.value(i) - expected) > tol) {
                throw new AssertionError(file + ": voxel " + i + " is " + v.value(i) + ", nibabel says " + expected);
            }
        }
    }

    // ------------------------------------------------------------------------------- nibabel writes, we read

    @Test
    void readsNibabel3dAnisotropicInEveryDatatype() {
        String[] types = {"int16", "float32", "uint8", "float64", "int8", "uint16", "int32"};
        java.util.List<String> args = new java.util.ArrayList<>();
        Path[] files = new Path[types.length * 2];
        for (int t = 0; t < types.length; t++) {
            files[2 * t] = dir.resolve(types[t] + ".nii.gz");
            files[2 * t + 1] = dir.resolve(types[t] + ".nii");
            args.add(types[t]);
        }
        Nibabel.run("""
                import sys, numpy as np, nibabel as nib
                rng = np.random.default_rng(1)
                aff = np.diag([0.9, 0.9, 3.0, 1.0]); aff[:3, 3] = [-12.5, 30.25, -8.0]
                for dtype in sys.argv[2:]:
                    if dtype[0] in 'iu':
                        info = np.iinfo(dtype)
                        d = rng.integers(info.min, int(info.max) + 1, size=(31, 23, 11), dtype=dtype)
                    else:
                        d = (rng.normal(size=(31, 23, 11)) * 100).astype(dtype)
                    for ext in ('.nii.gz', '.nii'):
                        nib.save(nib.Nifti1Image(d, aff), sys.argv[1] + '/' + dtype + ext)
                """, java.util.stream.Stream.concat(java.util.stream.Stream.of(dir.toString()), args.stream())
                .toArray(String[]::new));
        assertSameAsNibabel(files);
        for (Path f : files) {
            NiftiVolume v = Nifti.read(f);
            assertThat(v.grid().spacings()).containsExactly(new double[] {0.9, 0.9, 3.0}, within(1e-6));
            assertThat(v.grid().sizes()).containsExactly(31, 23, 11);
        }
    }

    @Test
    void readsNibabelBigEndianAndScaledAndQformOnly() {
        Path be = dir.resolve("be.nii");
        Path scaled = dir.resolve("scaled.nii.gz");
        Path qform = dir.resolve("qform.nii");
        Nibabel.run("""
                import sys, numpy as np, nibabel as nib
                rng = np.random.default_rng(2)
                d = rng.integers(-3000, 3000, size=(9, 8, 7)).astype(np.int16)
                h = nib.Nifti1Header(endianness='>')
                nib.save(nib.Nifti1Image(d, np.diag([1.5, 1.25, 2.0, 1.0]), h), sys.argv[1])
                f = rng.normal(size=(9, 8, 7)) * 40 + 7
                img = nib.Nifti1Image(f, np.diag([1.0, 1.0, 1.2, 1.0])); img.set_data_dtype(np.int16)
                nib.save(img, sys.argv[2])
                c, s = np.cos(0.3), np.sin(0.3)
                aff = np.array([[c * 2, -s * 3, 0, 10], [s * 2, c * 3, 0, -20], [0, 0, -4, 30], [0, 0, 0, 1.0]])
                img = nib.Nifti1Image(d, None); img.set_qform(aff, code=1); img.set_sform(None, code=0)
                nib.save(img, sys.argv[3])
                """, be.toString(), scaled.toString(), qform.toString());
        assertSameAsNibabel(be, scaled, qform);
        assertThat(Nifti.read(be).byteOrder()).isEqualTo(ByteOrder.BIG_ENDIAN);
        assertThat(Nifti.read(scaled).isScaled()).isTrue();
        assertThat(Nifti.read(qform).frame().sformCode()).isZero();
        assertThat(Nifti.read(qform).frame().qfac()).isEqualTo(-1);
    }

    @Test
    void readsNibabel4dAsClassMaps() {
        Path f = dir.resolve("maps.nii.gz");
        Nibabel.run("""
                import sys, numpy as np, nibabel as nib
                d = np.random.default_rng(3).random((10, 9, 8, 3)).astype(np.float32)
                nib.save(nib.Nifti1Image(d, np.diag([0.7, 0.8, 0.9, 1.0])), sys.argv[1])
                """, f.toString());
        assertSameAsNibabel(f);
        ClassMaps m = Nifti.readClassMaps(f);
        assertThat(m.classes()).isEqualTo(3);
        assertThat(m.grid().sizes()).containsExactly(10, 9, 8);
    }

    // ------------------------------------------------------------------------------- we write, nibabel reads

    @Test
    void nibabelReadsOurLabelsInTheSmallestDatatype() {
        int[] maxLabels = {3, 1000, 100000};
        String[] dtypes = {"uint8", "int16", "int32"};
        Grid g = NiftiWriterTest.grid3();
        int[][] values = new int[maxLabels.length][];
        Path[] files = new Path[maxLabels.length];
        for (int k = 0; k < maxLabels.length; k++) {
            Random r = new Random(maxLabels[k]);
            values[k] = new int[g.voxelCount()];
            for (int i = 0; i < values[k].length; i++) values[k][i] = r.nextInt(maxLabels[k] + 1);
            files[k] = dir.resolve("labels-" + maxLabels[k] + ".nii.gz");
            Nifti.write(files[k], new LabelImage(g, values[k]));
        }
        java.util.List<Nibabel.Description> nbs = Nibabel.describeAll(dir, java.util.List.of(files));
        for (int k = 0; k < maxLabels.length; k++) {
            Nibabel.Description nb = nbs.get(k);
            assertThat(nb.dtype()).isEqualTo(dtypes[k]);
            assertThat(nb.intent()).as("nibabel's name of intent 1002").isEqualTo("label");
            assertThat(nb.calMin()).isZero();
            assertThat(nb.calMax()).isEqualTo(java.util.Arrays.stream(values[k]).max().orElseThrow());
            for (int i = 0; i < values[k].length; i++) assertThat(nb.data()[i]).isEqualTo(values[k][i]);
            assertSame(files[k], nb);
        }
    }

    @Test
    void nibabelReadsOurFloatImagesWithSpacingAndAffine() {
        Grid g = NiftiWriterTest.grid3();
        float[] v = new float[g.voxelCount()];
        Random r = new Random(8);
        for (int i = 0; i < v.length; i++) v[i] = (float) (r.nextGaussian() * 1e3);
        Path f = dir.resolve("img.nii");
        Nifti.write(f, new FloatImage(g, v));
        Nibabel.Description nb = Nibabel.describe(f, dir);
        assertThat(nb.dtype()).isEqualTo("float32");
        assertThat(nb.zooms()).containsExactly(new double[] {0.9, 0.9, 3.0}, within(1e-6));
        assertThat(nb.qformCode()).isEqualTo(1);
        assertThat(nb.sformCode()).isEqualTo(4);
        double[] s = NiftiWriterTest.OBLIQUE.srow();
        for (int i = 0; i < 12; i++) assertThat(nb.affine()[i / 4][i % 4]).isCloseTo(s[i], within(1e-5));
        for (int i = 0; i < v.length; i++) assertThat((float) nb.data()[i]).isEqualTo(v[i]);
    }

    @Test
    void nibabelReadsOur2dImagesAndClassMaps() {
        Grid g2 = Grid.of(new int[] {6, 5}, new double[] {0.5, 0.75});
        float[] v = new float[30];
        for (int i = 0; i < 30; i++) v[i] = i - 10.5f;
        Path f2 = dir.resolve("slice.nii.gz");
        Nifti.write(f2, new FloatImage(g2, v));
        Nibabel.Description nb2 = Nibabel.describe(f2, dir);
        assertThat(nb2.shape()).containsExactly(6, 5);
        assertThat(nb2.zooms()).containsExactly(0.5, 0.75);
        for (int i = 0; i < 30; i++) assertThat((float) nb2.data()[i]).isEqualTo(v[i]);

        ClassMaps m = ClassMaps.zeros(NiftiWriterTest.grid3(), 4);
        for (int k = 0; k < 4; k++) java.util.Arrays.fill(m.data(k), k - 1.5f);
        m.data(2)[17] = 0.125f;
        Path f4 = dir.resolve("maps.nii.gz");
        Nifti.write(f4, m);
        Nibabel.Description nb4 = Nibabel.describe(f4, dir);
        assertThat(nb4.shape()).containsExactly(7, 5, 4, 4);
        int n = m.grid().voxelCount();
        for (int k = 0; k < 4; k++) {
            for (int i = 0; i < n; i++) assertThat((float) nb4.data()[k * n + i]).isEqualTo(m.get(k, i));
        }
    }

    // ------------------------------------------------------------------------------- nibabel's shipped files

    @Test
    void readsNibabelTestFilesLikeNibabel() {
        String[] names = {"anatomical.nii", "functional.nii", "example4d.nii.gz", "standard.nii.gz",
                          "reoriented_anat_moved.nii", "resampled_anat_moved.nii"};
        Path[] files = java.util.Arrays.stream(names).map(Nibabel.TEST_DATA::resolve).toArray(Path[]::new);
        for (Path f : files) {
            org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(f), f + " is not installed");
        }
        assertSameAsNibabel(files);
    }

    @Test
    void shippedFilesHaveTheExpectedFacts() {
        NiftiVolume anat = Nifti.read(Nibabel.TEST_DATA.resolve("anatomical.nii"));
        assertThat(anat.byteOrder()).isEqualTo(ByteOrder.BIG_ENDIAN);
        assertThat(anat.shape()).containsExactly(33, 41, 25);
        NiftiVolume func = Nifti.read(Nibabel.TEST_DATA.resolve("functional.nii"));
        assertThat(func.shape()).containsExactly(17, 21, 3, 20);
        assertThat(func.isScaled()).isTrue();
        assertThat(func.pixdim()).containsExactly(4, 4, 8, 2);
        NiftiVolume ex4d = Nifti.read(Nibabel.TEST_DATA.resolve("example4d.nii.gz"));
        assertThat(ex4d.volumes()).isEqualTo(2);
        assertThat(ex4d.timeUnit()).isEqualTo("s");
        NiftiVolume std = Nifti.read(Nibabel.TEST_DATA.resolve("standard.nii.gz"));
        assertThat(std.toLabelImage().grid().spacings()).containsExactly(1, 3, 2);
    }

    @Test
    void nifti2TestFileIsRejectedClearly() {
        Path f = Nibabel.TEST_DATA.resolve("example_nifti2.nii.gz");
        assertThatThrownBy(() -> Nifti.read(f)).isInstanceOf(ImageFormatException.class)
                .hasMessageStartingWith(f + ": header field 'sizeof_hdr' = 540 means NIfTI-2, which is not supported");
    }

    @Test
    void roundTripThroughBothKeepsNibabelsView() {
        Path in = Nibabel.TEST_DATA.resolve("anatomical.nii");
        Path out = dir.resolve("anat-rw.nii.gz");
        Nifti.write(out, Nifti.readImage(in));
        java.util.List<Nibabel.Description> ab = Nibabel.describeAll(dir, java.util.List.of(in, out));
        Nibabel.Description a = ab.get(0);
        Nibabel.Description b = ab.get(1);
        assertThat(b.shape()).containsExactly(a.shape());
        assertThat(b.zooms()).containsExactly(a.zooms(), within(1e-6));
        for (int r = 0; r < 4; r++) assertThat(b.affine()[r]).containsExactly(a.affine()[r], within(1e-5));
        assertThat(b.data()).containsExactly(a.data());
    }
}
