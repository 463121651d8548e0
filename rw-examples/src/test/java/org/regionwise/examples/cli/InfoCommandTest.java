package org.regionwise.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.io.Nifti;
import org.regionwise.core.io.Png;

class InfoCommandTest {
    private static final Path PYTHON = Path.of(System.getProperty("rw.test.python", "/usr/bin/python3"));
    private static final Path NIBABEL_DATA = Path.of("/usr/lib/python3/dist-packages/nibabel/tests/data");

    @TempDir Path dir;

    /** Writes a 40x48x20 int16 label file and a float32 image with 0.9x0.9x3.0 mm spacing using nibabel. */
    private void nibabelWrites(Path int16, Path float32) throws Exception {
        String reason = "nibabel interop skipped: " + PYTHON + " cannot import nibabel (apt-get install python3-nibabel)";
        Assumptions.assumeTrue(Files.isExecutable(PYTHON), reason);
        String script = """
                import sys, numpy as np, nibabel as nib
                rng = np.random.default_rng(0)
                aff = np.diag([0.9, 0.9, 3.0, 1.0]); aff[:3, 3] = [-18, -21.6, -30]
                d = np.zeros((40, 48, 20), np.int16); d[5:20, 5:30, 2:10] = 1; d[25:35, 10:40, 5:15] = 3
                nib.save(nib.Nifti1Image(d, aff), sys.argv[1])
                f = (rng.normal(size=(40, 48, 20)) * 100).astype(np.float32)
                nib.save(nib.Nifti1Image(f, aff), sys.argv[2])
                """;
        Process p = new ProcessBuilder(List.of(PYTHON.toString(), "-c", script, int16.toString(), float32.toString()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        Assumptions.assumeTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0
                && Files.exists(int16) && Files.exists(float32), reason + ": " + out);
    }

    @Test
    void showsSizeSpacingDatatypeAndHistogramOfNibabelFiles() throws Exception {
        Path seg = dir.resolve("seg.nii.gz");
        Path img = dir.resolve("t1.nii.gz");
        nibabelWrites(seg, img);

        Cli.Result r = Cli.run("info", seg.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains(
                "size:        40 x 48 x 20 (3D)",
                "datatype:    int16",
                "spacing:     0.9 x 0.9 x 3 mm",
                "byte order:  little-endian",
                "value range: 0 .. 3",
                "orientation: RAS (from sform",
                "origin:      (-18, -21.6, -30) mm",
                "labels:      3 distinct values");
        int total = 40 * 48 * 20, one = 15 * 25 * 8, three = 10 * 30 * 10;
        assertThat(r.out()).containsPattern("\\s+0\\s+" + (total - one - three) + "\\s+" + pct(total - one - three, total))
                .containsPattern("\\s+1\\s+" + one + "\\s+" + pct(one, total))
                .containsPattern("\\s+3\\s+" + three + "\\s+" + pct(three, total));

        Cli.Result f = Cli.run("info", img.toString());
        assertThat(f.exit()).isZero();
        assertThat(f.out()).contains("size:        40 x 48 x 20 (3D)", "datatype:    float32",
                "spacing:     0.9 x 0.9 x 3 mm", "not an integer-valued image");
    }

    private static String pct(int n, int total) {
        return String.format(java.util.Locale.ROOT, "%.3f%%", 100.0 * n / total).replace(".", "\\.");
    }

    @Test
    void fourDimensionalAndBigEndianFiles() {
        Path functional = NIBABEL_DATA.resolve("functional.nii");
        Path anatomical = NIBABEL_DATA.resolve("anatomical.nii");
        Assumptions.assumeTrue(Files.exists(functional) && Files.exists(anatomical),
                "nibabel test data not installed (apt-get install python3-nibabel)");
        Cli.Result r = Cli.run("info", functional.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("size:        17 x 21 x 3 x 20 (4D: 20 volumes of 17 x 21 x 3)",
                "spacing:     4 x 4 x 8 mm, 4th axis step 2 s", "scaling:     scl_slope 0.075407, scl_inter 3100.76");
        Cli.Result a = Cli.run("info", anatomical.toString());
        assertThat(a.out()).contains("byte order:  big-endian", "size:        33 x 41 x 25 (3D)", "orientation: LAS");
    }

    @Test
    void histogramIsLimitedByMaxLabels() {
        Path f = dir.resolve("l.nii");
        Nifti.write(f, new LabelImage(Grid.of3D(2, 2, 2), new int[] {0, 1, 2, 3, 4, 5, 6, 7}));
        Cli.Result r = Cli.run("info", "--max-labels", "4", f.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("more than 4 distinct integer values");
        Cli.Result all = Cli.run("info", f.toString());
        assertThat(all.out()).contains("labels:      8 distinct values").contains("12.500%");
        assertThat(all.out()).contains("datatype:    uint8", "spacing:     1 x 1 x 1 mm", "no qform/sform");
    }

    @Test
    void pngFiles() {
        Path f = dir.resolve("mask.png");
        Png.write(f, new LabelImage(Grid.of2D(4, 2), new int[] {0, 0, 1, 1, 0, 0, 0, 2}));
        Cli.Result r = Cli.run("info", f.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("size:        4 x 2 (2D)", "value range: 0 .. 2", "labels:      3 distinct values", "62.500%");
    }

    @Test
    void truncatedGzipIsOneLineAndExitCodeTwo() throws Exception {
        Path whole = dir.resolve("whole.nii.gz");
        float[] v = new float[64 * 64 * 16];
        for (int i = 0; i < v.length; i++) v[i] = (float) Math.sin(i * 0.37) * 1000;
        Nifti.write(whole, new FloatImage(Grid.of3D(64, 64, 16), v));
        byte[] b = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.nii.gz"), Arrays.copyOf(b, b.length / 3));
        Cli.Result r = Cli.run("info", cut.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).startsWith("rw: " + cut + ": truncated");
    }

    @Test
    void missingFileAndDirectoryAreOneLineUserErrors() {
        Path none = dir.resolve("none.nii.gz");
        Cli.Result r = Cli.run("info", none.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("rw: " + none + ": no such file");
        Cli.Result d = Cli.run("info", dir.toString());
        assertThat(d.exit()).isEqualTo(2);
        assertThat(d.errLines()).containsExactly("rw: " + dir + ": is a directory, not an image file");
    }

    @Test
    void nifti2AndGarbageAreOneLineUserErrors() throws Exception {
        Path junk = Files.write(dir.resolve("junk.nii"), new byte[500]);
        Cli.Result r = Cli.run("info", junk.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly(
                "rw: " + junk + ": header field 'sizeof_hdr' = 0 is not 348 in either byte order: not a NIfTI-1 file");
        Path n2 = NIBABEL_DATA.resolve("example_nifti2.nii.gz");
        if (Files.exists(n2)) {
            Cli.Result s = Cli.run("info", n2.toString());
            assertThat(s.exit()).isEqualTo(2);
            assertThat(s.errLines()).hasSize(1);
            assertThat(s.err()).contains("NIfTI-2");
        }
    }

    @Test
    void showsACaseFileOfTheCacheWithItsCropBoxChecksumAndLabels(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("ds");
        org.regionwise.examples.testing.TinyNnUnet.write(root, 6, false, org.regionwise.examples.testing.TinyNnUnet.DATASET_JSON_V2);
        org.regionwise.examples.data.NnUnetCache.preprocess(root, org.regionwise.examples.data.NnUnetDataset.Options.defaults()
                .withCache(org.regionwise.examples.data.NnUnetCache.Settings.of(tmp.resolve("cache"))));
        Path f = tmp.resolve("cache/case_000.rwcase");
        Cli.Result r = Cli.run("info", f.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("RegionWise case file").contains("12 x 10 x 6 (3D)").contains("0.8 x 0.8 x 2.5 mm")
                .contains("crop box:").contains("CRC32C ok").contains("case_000_0000.nii.gz").containsPattern("\\s1\\s+64\\s");
        byte[] b = java.nio.file.Files.readAllBytes(f);
        b[b.length - 50] ^= 1;
        java.nio.file.Files.write(f, b);
        assertThat(Cli.run("info", f.toString()).out()).contains("MISMATCH");
    }
}
