package org.regionwise.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;

/** Every broken file is an {@link ImageFormatException} naming the file and the field, never an index or EOF error. */
class NiftiErrorsTest {
    @TempDir Path dir;

    private Path write(String name, RawNifti raw) { return raw.writeTo(dir.resolve(name)); }

    private static RawNifti small() {
        RawNifti raw = new RawNifti().shape(4, 3, 2).datatype(4, 16);
        raw.values = new double[24];
        for (int i = 0; i < 24; i++) raw.values[i] = i;
        return raw;
    }

    private static void assertFormatError(Path f, String field, String... fragments) {
        assertThatThrownBy(() -> Nifti.read(f))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageStartingWith(f + ": ")
                .hasMessageContainingAll(fragments)
                .satisfies(e -> assertThat(((ImageFormatException) e).field()).isEqualTo(field))
                .satisfies(e -> assertThat(((ImageFormatException) e).file()).isEqualTo(f));
    }

    @ParameterizedTest(name = "cut after {0} bytes")
    @ValueSource(ints = {0, 1, 100, 347, 348, 352, 353, 399})
    void truncatedNiiIsReportedAtEveryLength(int keep) throws Exception {
        byte[] full = small().bytes();   // 352 + 48 bytes
        Path f = RawNifti.writeBytes(dir.resolve("cut.nii"), Arrays.copyOf(full, keep), false);
        String field = keep < 348 ? "sizeof_hdr" : "voxel data";
        assertFormatError(f, field, "truncated");
    }

    @ParameterizedTest(name = "cut after {0} compressed bytes")
    @ValueSource(ints = {10, 40, 80})
    void truncatedGzipIsReported(int keep) throws Exception {
        RawNifti raw = small();
        raw.values = new double[24];
        Path whole = RawNifti.writeBytes(dir.resolve("w.nii.gz"), raw.bytes(), true);
        byte[] gz = Files.readAllBytes(whole);
        Path f = RawNifti.writeBytes(dir.resolve("cut.nii.gz"), Arrays.copyOf(gz, Math.min(keep, gz.length - 9)), false);
        assertThatThrownBy(() -> Nifti.read(f))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageStartingWith(f + ": ")
                .hasMessageContaining("truncated");
    }

    @Test
    void truncatedRealisticGzipNamesTheGzipStream() throws Exception {
        RawNifti raw = new RawNifti().shape(64, 64, 16).datatype(4, 16);
        raw.values = NiftiReaderTest.randomValues(NiftiDatatype.INT16, -1000, 1000, 64 * 64 * 16, 7);
        Path whole = RawNifti.writeBytes(dir.resolve("big.nii.gz"), raw.bytes(), true);
        byte[] gz = Files.readAllBytes(whole);
        Path f = RawNifti.writeBytes(dir.resolve("big-cut.nii.gz"), Arrays.copyOf(gz, gz.length / 2), false);
        assertFormatError(f, "voxel data", "truncated", "needs 131072 bytes of voxel data from offset 352",
                "the decompressed data ends after");
    }

    @Test
    void absurdDimsInASmallFileAreRejectedBeforeAllocating() {
        for (boolean gz : new boolean[] {false, true}) {
            RawNifti raw = small();
            raw.gzip = gz;
            raw.dim = new int[] {3, 30000, 30000, 2, 1, 1, 1, 1};   // 1.8 GB of uint8 announced, 48 bytes present
            raw.datatype(2, 8);
            raw.values = new double[24];
            Path f = write(gz ? "absurd.nii.gz" : "absurd.nii", raw);
            assertFormatError(f, "voxel data", "truncated", "needs 1800000000 bytes", "file has only");
        }
    }

    @Test
    void corruptGzip() throws Exception {
        byte[] gz = Files.readAllBytes(RawNifti.writeBytes(dir.resolve("ok.nii.gz"), small().bytes(), true));
        for (int i = 12; i < gz.length - 8; i++) gz[i] ^= (byte) 0x5a;
        Path f = RawNifti.writeBytes(dir.resolve("corrupt.nii.gz"), gz, false);
        assertThatThrownBy(() -> Nifti.read(f)).isInstanceOf(ImageFormatException.class).hasMessageStartingWith(f + ": ");
    }

    @Test
    void badMagic() {
        RawNifti raw = small();
        raw.magic = "xyz";
        Path f = write("magic.nii", raw);
        assertFormatError(f, "magic", "'magic' = \"xyz\\x00\"", "not a NIfTI-1 file");
    }

    @Test
    void unsupportedDatatypeIsNamed() {
        RawNifti raw = small().datatype(128, 24);
        Path f = write("rgb.nii.gz", raw);
        assertFormatError(f, "datatype", "header field 'datatype' = 128 (RGB24) is not supported",
                "supported: uint8, int8, int16, uint16, int32, float32, float64");
    }

    @Test
    void complexAndInt64AreNamed() {
        assertFormatError(write("c.nii", small().datatype(32, 64)), "datatype", "32 (complex64)");
        assertFormatError(write("l.nii", small().datatype(1024, 64)), "datatype", "1024 (int64)");
    }

    @Test
    void nifti2IsRejectedInBothByteOrders() {
        for (ByteOrder o : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            RawNifti raw = small();
            raw.sizeofHdr = 540;
            raw.order = o;
            assertFormatError(write("n2.nii", raw), "sizeof_hdr", "'sizeof_hdr' = 540", "NIfTI-2");
        }
    }

    @Test
    void garbageFile() throws Exception {
        byte[] junk = new byte[1000];
        new java.util.Random(3).nextBytes(junk);
        assertFormatError(RawNifti.writeBytes(dir.resolve("junk.nii"), junk, false), "sizeof_hdr", "not a NIfTI-1 file");
    }

    @Test
    void bitpixMismatch() {
        RawNifti raw = small();
        raw.bitpix = 8;
        assertFormatError(write("bp.nii", raw), "bitpix", "does not match datatype int16");
    }

    @Test
    void badDims() {
        RawNifti raw = small();
        raw.dim = new int[] {3, 4, 0, 2, 1, 1, 1, 1};
        assertFormatError(write("d0.nii", raw), "dim[2]", "'dim[2]' = 0");
        raw.dim = new int[] {9, 4, 3, 2, 1, 1, 1, 1};
        assertFormatError(write("d9.nii", raw), "dim[0]", "outside 1..7");
        raw.dim = new int[] {1, 24, 1, 1, 1, 1, 1, 1};
        assertFormatError(write("d1.nii", raw), "dim[0]", "1D");
        raw.dim = new int[] {5, 2, 2, 2, 1, 3, 1, 1};
        raw.values = new double[24];
        assertFormatError(write("d5.nii", raw), "dim[0]", "5D");
    }

    @Test
    void zeroSpacingOnARealAxis() {
        RawNifti raw = small();
        raw.pixdim = new float[] {1, 1, 0, 1, 1, 1, 1, 1};
        assertFormatError(write("sp.nii", raw), "pixdim[2]", "'pixdim[2]' = 0", "voxel spacing");
        raw.pixdim = new float[] {1, Float.NaN, 1, 1, 1, 1, 1, 1};
        assertFormatError(write("nan.nii", raw), "pixdim[1]", "NaN");
    }

    @Test
    void voxOffsetBeyondTheEnd() {
        RawNifti raw = small();
        raw.voxOffset = 100_000;
        byte[] b = Arrays.copyOf(raw.bytes(), 1000);
        Path f = RawNifti.writeBytes(dir.resolve("off.nii"), b, false);
        assertFormatError(f, "voxel data", "from offset 100000 (vox_offset)", "file has only 1000 bytes");
    }

    @Test
    void missingFileIsAnUncheckedIoErrorNamingTheFile() {
        Path f = dir.resolve("nope.nii.gz");
        assertThatThrownBy(() -> Nifti.read(f)).isInstanceOf(UncheckedIOException.class)
                .hasMessage(f + ": no such file");
    }

    @Test
    void directoryIsAnUncheckedIoError() {
        assertThatThrownBy(() -> Nifti.read(dir)).isInstanceOf(UncheckedIOException.class).hasMessageContaining(dir.toString());
    }

    @Test
    void hdrWithoutImg() throws Exception {
        RawNifti raw = small();
        raw.magic = "ni1";
        Files.write(dir.resolve("alone.hdr"), raw.header());
        assertThatThrownBy(() -> Nifti.read(dir.resolve("alone.hdr"))).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("alone.img").hasMessageContaining("no such file");
    }

    @Test
    void readLabelsNamesTheFirstNonIntegerVoxel() {
        RawNifti raw = new RawNifti().shape(3, 2, 2).datatype(16, 32);
        raw.values = new double[12];
        raw.values[7] = 0.5;
        raw.values[9] = 0.25;
        Path f = write("frac.nii.gz", raw);
        assertThatThrownBy(() -> Nifti.readLabels(f)).isInstanceOf(ImageFormatException.class)
                .hasMessage(f + ": voxel (x=1, y=0, z=1) has value 0.5, which is not an integer; labels must be integers"
                        + " (datatype float32)");
    }

    @Test
    void readLabelsRejectsNegativeAndNan() {
        RawNifti raw = new RawNifti().shape(2, 2).datatype(4, 16);
        raw.values = new double[] {0, 1, -3, 2};
        Path f = write("neg.nii", raw);
        assertThatThrownBy(() -> Nifti.readLabels(f)).isInstanceOf(ImageFormatException.class)
                .hasMessageContainingAll(f.toString(), "(x=0, y=1)", "-3", "negative");
        RawNifti nan = new RawNifti().shape(2, 2).datatype(16, 32);
        nan.values = new double[] {0, Double.NaN, 1, 2};
        Path g = write("nan.nii", nan);
        assertThatThrownBy(() -> Nifti.readLabels(g)).isInstanceOf(ImageFormatException.class)
                .hasMessageContainingAll("(x=1, y=0)", "NaN");
    }

    @Test
    void readLabelsAndReadImageRejectFourDimensionalFiles() {
        RawNifti raw = new RawNifti().shape(2, 2, 2, 3).datatype(2, 8);
        raw.values = new double[24];
        Path f = write("4d.nii", raw);
        assertThatThrownBy(() -> Nifti.readLabels(f)).isInstanceOf(ImageFormatException.class)
                .hasMessageContainingAll(f.toString(), "'dim[4]' = 3", "4D image of 2x2x2x3");
        assertThatThrownBy(() -> Nifti.readImage(f)).isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("readClassMaps");
    }

    @Test
    void writerRejectsOtherExtensionsAndLeavesNothing() {
        Path f = dir.resolve("labels.png");
        assertThatThrownBy(() -> Nifti.write(f, LabelImage.zeros(Grid.of2D(2, 2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(".nii or .nii.gz");
        assertThat(f).doesNotExist();
    }
}
