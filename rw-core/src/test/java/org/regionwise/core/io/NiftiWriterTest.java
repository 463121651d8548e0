package org.regionwise.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.image.SpatialFrame;

/** Write, read back, compare; and the written header checked field by field against nifti1.h. */
class NiftiWriterTest {
    @TempDir Path dir;

    static final SpatialFrame OBLIQUE = new SpatialFrame(1, 4,
            new double[] {0.1f, -0.2f, 0.3f}, new double[] {-90.5f, 12.25f, 7f}, -1,
            new double[] {0.9f, 0.01f, 0, -90.5f, -0.01f, 0.9f, 0.1f, 12.25f, 0, -0.1f, 3f, 7f});

    static Grid grid3() { return Grid.of(new int[] {7, 5, 4}, new double[] {0.9f, 0.9f, 3f}, OBLIQUE); }

    static byte[] content(Path f) throws IOException {
        byte[] b = Files.readAllBytes(f);
        if (b.length > 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(b))) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                return out.toByteArray();
            }
        }
        return b;
    }

    @ParameterizedTest(name = "max label {0} -> {1} ({2})")
    @CsvSource({"0, UINT8, t.nii", "255, UINT8, t.nii.gz", "256, INT16, t.nii", "32767, INT16, t.nii.gz",
                "32768, INT32, t.nii", "2000000000, INT32, t.nii.gz"})
    void labelsUseTheSmallestFittingDatatype(int maxLabel, NiftiDatatype expected, String name) {
        Random r = new Random(maxLabel);
        Grid g = grid3();
        int[] v = new int[g.voxelCount()];
        for (int i = 0; i < v.length; i++) v[i] = r.nextInt(maxLabel + 1);
        v[v.length / 2] = maxLabel;
        Path f = dir.resolve(name);
        Nifti.write(f, new LabelImage(g, v));

        NiftiVolume back = Nifti.read(f);
        assertThat(back.datatype()).isEqualTo(expected);
        LabelImage l = back.toLabelImage();
        assertThat(l.data()).containsExactly(v);
        assertThat(l.grid()).isEqualTo(g);
    }

    @ParameterizedTest
    @ValueSource(strings = {"f.nii", "f.nii.gz"})
    void floatImagesRoundTripBitExactlyWithFrame(String name) {
        Random r = new Random(11);
        Grid g = grid3();
        float[] v = new float[g.voxelCount()];
        for (int i = 0; i < v.length; i++) v[i] = (float) r.nextGaussian() * 100;
        v[3] = Float.NaN;
        v[4] = Float.MIN_VALUE;
        v[5] = -0f;
        Path f = dir.resolve(name);
        Nifti.write(f, new FloatImage(g, v));
        FloatImage back = Nifti.readImage(f);
        assertThat(back.grid()).isEqualTo(g);
        assertThat(back.grid().frame()).isEqualTo(OBLIQUE);
        for (int i = 0; i < v.length; i++) {
            assertThat(Float.floatToRawIntBits(back.get(i))).as("voxel %d", i).isEqualTo(Float.floatToRawIntBits(v[i]));
        }
    }

    @Test
    void twoDimensionalImagesStayTwoDimensional() {
        Grid g = Grid.of(new int[] {6, 3}, new double[] {0.5, 2});
        float[] v = new float[18];
        for (int i = 0; i < 18; i++) v[i] = i * 0.25f;
        Nifti.write(dir.resolve("a.nii"), new FloatImage(g, v));
        FloatImage back = Nifti.readImage(dir.resolve("a.nii"));
        assertThat(back.grid()).isEqualTo(g);
        assertThat(back.data()).containsExactly(v);
    }

    @ParameterizedTest(name = "{0}D grid")
    @ValueSource(ints = {2, 3})
    void classMapsAreFourDimensional(int dims) throws IOException {
        Grid g = dims == 2 ? Grid.of(new int[] {4, 3}, new double[] {1.5, 1.5}) : grid3();
        int k = 3;
        ClassMaps m = ClassMaps.zeros(g, k);
        Random r = new Random(5);
        for (int c = 0; c < k; c++) for (int i = 0; i < g.voxelCount(); i++) m.data(c)[i] = r.nextFloat() * 2 - 1;
        Path f = dir.resolve("maps.nii.gz");
        Nifti.write(f, m);

        NiftiVolume v = Nifti.read(f);
        assertThat(v.dimensions()).isEqualTo(4);
        assertThat(v.volumes()).isEqualTo(k);
        assertThat(v.datatype()).isEqualTo(NiftiDatatype.FLOAT32);
        ClassMaps back = Nifti.readClassMaps(f);
        assertThat(back.grid()).isEqualTo(g);
        for (int c = 0; c < k; c++) assertThat(back.data(c)).containsExactly(m.data(c));
        ByteBuffer h = ByteBuffer.wrap(content(f)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(h.getShort(40)).isEqualTo((short) 4);
        assertThat(h.getShort(48)).as("dim[4]").isEqualTo((short) k);
        if (dims == 2) assertThat(h.getShort(46)).as("dim[3]").isEqualTo((short) 1);
    }

    @Test
    void singleClassMapsAreStillFourDimensional() throws IOException {
        Path f = dir.resolve("one.nii");
        Nifti.write(f, new ClassMaps(Grid.of2D(3, 2), new float[][] {{1, 2, 3, 4, 5, 6}}));
        ByteBuffer h = ByteBuffer.wrap(content(f)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(h.getShort(40)).as("dim[0]").isEqualTo((short) 4);
        assertThat(h.getShort(46)).as("dim[3]").isEqualTo((short) 1);
        assertThat(h.getShort(48)).as("dim[4]").isEqualTo((short) 1);
        ClassMaps back = Nifti.readClassMaps(f);
        assertThat(back.classes()).isEqualTo(1);
        assertThat(back.grid().sizes()).containsExactly(3, 2);
        assertThat(back.data(0)).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void headerFieldsFollowNifti1() throws IOException {
        Path f = dir.resolve("h.nii");
        Nifti.write(f, LabelImage.zeros(grid3()));
        byte[] b = content(f);
        assertThat(b).hasSize(352 + 7 * 5 * 4);
        ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(h.getInt(0)).as("sizeof_hdr").isEqualTo(348);
        assertThat(new String(b, 344, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("n+1\0");
        assertThat(h.getFloat(108)).as("vox_offset").isEqualTo(352f);
        assertThat(h.getFloat(76)).as("pixdim[0] = qfac").isEqualTo(-1f);
        assertThat(b[123]).as("xyzt_units = mm").isEqualTo((byte) 2);
        assertThat(h.getShort(70)).as("datatype").isEqualTo((short) 2);
        assertThat(h.getShort(72)).as("bitpix").isEqualTo((short) 8);
        assertThat(h.getShort(252)).as("qform_code").isEqualTo((short) 1);
        assertThat(h.getShort(254)).as("sform_code").isEqualTo((short) 4);
        assertThat(h.getFloat(80)).isEqualTo(0.9f);
        assertThat(h.getFloat(88)).isEqualTo(3f);
        assertThat(h.getInt(348)).as("extension flag").isZero();
        assertThat(h.getShort(68)).as("intent_code = NIFTI_INTENT_LABEL").isEqualTo((short) 1002);
        assertThat(h.getFloat(124)).as("cal_max").isZero();   // all background
        assertThat(h.getFloat(128)).as("cal_min").isZero();
    }

    @Test
    void labelsCarryTheirRangeAndIntentFloatImagesNeither() throws IOException {
        int[] l = new int[grid3().voxelCount()];
        l[3] = 7;
        l[5] = 2;
        Path labels = dir.resolve("l.nii");
        Nifti.write(labels, new LabelImage(grid3(), l));
        ByteBuffer h = ByteBuffer.wrap(content(labels)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(h.getShort(68)).isEqualTo((short) 1002);
        assertThat(h.getFloat(124)).as("cal_max").isEqualTo(7f);
        assertThat(h.getFloat(128)).as("cal_min").isZero();
        Path image = dir.resolve("f.nii");
        Nifti.write(image, new FloatImage(grid3(), new float[grid3().voxelCount()]));
        ByteBuffer f = ByteBuffer.wrap(content(image)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(f.getShort(68)).as("no intent").isZero();
        assertThat(f.getFloat(124)).isZero();
        assertThat(Nifti.readLabels(labels).data()).containsExactly(l);
    }

    @Test
    void frameOfAReadFileIsWrittenBackUnchanged() {
        RawNifti raw = new RawNifti().shape(3, 3, 3).datatype(16, 32);
        raw.values = new double[27];
        raw.qformCode = 2;
        raw.sformCode = 1;
        raw.quatern = new float[] {0.25f, 0.5f, -0.1f};
        raw.qoffset = new float[] {1.5f, -2.5f, 3.5f};
        raw.pixdim = new float[] {-1, 1.1f, 1.2f, 1.3f, 1, 1, 1, 1};
        raw.srow = new float[] {1.1f, 0, 0.2f, 5, 0, 1.2f, 0, 6, -0.1f, 0, 1.3f, 7};
        NiftiVolume in = Nifti.read(raw.writeTo(dir.resolve("in.nii")));
        Nifti.write(dir.resolve("out.nii.gz"), in.toFloatImage());
        NiftiVolume out = Nifti.read(dir.resolve("out.nii.gz"));
        assertThat(out.frame()).isEqualTo(in.frame());
        assertThat(out.grid()).isEqualTo(in.grid());
        for (int r = 0; r < 4; r++) assertThat(out.affine()[r]).containsExactly(in.affine()[r], within(0.0));
    }

    @Test
    void bigEndianFileRewrittenLittleEndianKeepsValues() {
        RawNifti raw = new RawNifti().shape(4, 4, 2).datatype(512, 16);
        raw.order = ByteOrder.BIG_ENDIAN;
        raw.values = NiftiReaderTest.randomValues(NiftiDatatype.UINT16, 0, 65535, 32, 9);
        LabelImage l = Nifti.readLabels(raw.writeTo(dir.resolve("be.nii")));
        Nifti.write(dir.resolve("le.nii"), l);
        NiftiVolume back = Nifti.read(dir.resolve("le.nii"));
        assertThat(back.byteOrder()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        assertThat(back.datatype()).isEqualTo(NiftiDatatype.INT32);   // max 65535 does not fit int16
        assertThat(back.toLabelImage().data()).containsExactly(l.data());
    }

    @Test
    void overwritesAtomicallyAndLeavesNoTemporaryFiles() throws IOException {
        Path f = dir.resolve("sub/dir/x.nii.gz");
        Nifti.write(f, LabelImage.zeros(Grid.of2D(3, 3)));
        Nifti.write(f, new LabelImage(Grid.of2D(2, 2), new int[] {1, 2, 3, 4}));
        assertThat(Nifti.readLabels(f).data()).containsExactly(1, 2, 3, 4);
        try (var s = Files.list(f.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("x.nii.gz");
        }
    }
}
