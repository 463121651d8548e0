package org.regionwise.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.LabelImage;

/** The reader against files laid out byte by byte by {@link RawNifti}: every datatype, both byte orders, gzip. */
class NiftiReaderTest {
    @TempDir Path dir;

    /** {code, bits, min, max, integer} of every supported datatype. */
    static final Object[][] TYPES = {
        {NiftiDatatype.UINT8, 0.0, 255.0},
        {NiftiDatatype.INT8, -128.0, 127.0},
        {NiftiDatatype.INT16, -32768.0, 32767.0},
        {NiftiDatatype.UINT16, 0.0, 65535.0},
        {NiftiDatatype.INT32, -2147483648.0, 2147483647.0},
        {NiftiDatatype.FLOAT32, -1e6, 1e6},
        {NiftiDatatype.FLOAT64, -1e12, 1e12},
    };

    static Stream<Arguments> typesOrdersCompression() {
        List<Arguments> out = new ArrayList<>();
        for (Object[] t : TYPES) {
            for (ByteOrder o : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                for (boolean gz : new boolean[] {false, true}) out.add(Arguments.of(t[0], t[1], t[2], o, gz));
            }
        }
        return out.stream();
    }

    static double[] randomValues(NiftiDatatype type, double min, double max, int n, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double x = min + r.nextDouble() * (max - min);
            if (type.isInteger()) x = Math.floor(x);
            if (type == NiftiDatatype.FLOAT32) x = (float) x;
            v[i] = x;
        }
        v[0] = min;
        v[n - 1] = type.isInteger() ? max : v[n - 1];
        return v;
    }

    @ParameterizedTest(name = "{0} {3} gzip={4}")
    @MethodSource("typesOrdersCompression")
    void readsEveryDatatypeInBothByteOrders(NiftiDatatype type, double min, double max, ByteOrder order, boolean gz) {
        RawNifti raw = new RawNifti().shape(5, 4, 3).datatype(type.code(), type.bitsPerVoxel());
        raw.order = order;
        raw.gzip = gz;
        raw.pixdim = new float[] {1, 0.9f, 0.8f, 3.0f, 1, 1, 1, 1};
        raw.values = randomValues(type, min, max, 60, 42 + type.ordinal());
        Path f = raw.writeTo(dir.resolve("t" + (gz ? ".nii.gz" : ".nii")));

        NiftiVolume v = Nifti.read(f);

        assertThat(v.datatype()).isEqualTo(type);
        assertThat(v.byteOrder()).isEqualTo(order);
        assertThat(v.shape()).containsExactly(5, 4, 3);
        assertThat(v.grid().spacings()).containsExactly(new double[] {0.9f, 0.8f, 3.0f}, within(0.0));
        for (int i = 0; i < 60; i++) assertThat(v.value(i)).as("voxel %d", i).isEqualTo(raw.values[i]);
        FloatImage img = v.toFloatImage();
        for (int i = 0; i < 60; i++) assertThat(img.get(i)).isEqualTo((float) raw.values[i]);
        assertThat(v.isIntegerValued()).isEqualTo(type.isInteger());
        assertThat(v.range()[0]).isEqualTo(java.util.Arrays.stream(raw.values).min().orElseThrow());
        assertThat(v.range()[1]).isEqualTo(java.util.Arrays.stream(raw.values).max().orElseThrow());
    }

    @Test
    void appliesSclSlopeAndInter() {
        RawNifti raw = new RawNifti().shape(2, 2).datatype(4, 16);
        raw.values = new double[] {0, 1, -2, 100};
        raw.sclSlope = 0.5f;
        raw.sclInter = 10f;
        NiftiVolume v = Nifti.read(raw.writeTo(dir.resolve("s.nii")));
        assertThat(v.isScaled()).isTrue();
        assertThat(v.toFloatImage().data()).containsExactly(10f, 10.5f, 9f, 60f);
        assertThat(v.isIntegerValued()).isFalse();
        assertThat(v.range()).containsExactly(9.0, 60.0);
    }

    @Test
    void slopeZeroOrNanMeansNoScaling() {
        for (float slope : new float[] {0f, Float.NaN}) {
            RawNifti raw = new RawNifti().shape(2, 2).datatype(2, 8);
            raw.values = new double[] {0, 1, 2, 3};
            raw.sclSlope = slope;
            raw.sclInter = 7f;
            NiftiVolume v = Nifti.read(raw.writeTo(dir.resolve("n.nii")));
            assertThat(v.isScaled()).isFalse();
            assertThat(v.toLabelImage().data()).containsExactly(0, 1, 2, 3);
        }
    }

    @Test
    void scaledIntegerValuesAreLabels() {
        RawNifti raw = new RawNifti().shape(3, 1).datatype(16, 32);
        raw.values = new double[] {0, 1, 2};
        raw.sclSlope = 2f;
        raw.sclInter = 1f;
        LabelImage l = Nifti.readLabels(raw.writeTo(dir.resolve("l.nii")));
        assertThat(l.data()).containsExactly(1, 3, 5);
    }

    @Test
    void honoursVoxOffsetAndSkipsExtensions() {
        RawNifti raw = new RawNifti().shape(2, 2).datatype(2, 8);
        raw.voxOffset = 400;
        raw.extension = new byte[] {1, 0, 0, 0, 48, 0, 0, 0, 3, 0, 0, 0};  // flag set, one 48-byte extension
        raw.values = new double[] {9, 8, 7, 6};
        for (boolean gz : new boolean[] {false, true}) {
            raw.gzip = gz;
            NiftiVolume v = Nifti.read(raw.writeTo(dir.resolve(gz ? "x.nii.gz" : "x.nii")));
            assertThat(v.dataOffset()).isEqualTo(400);
            assertThat(v.toLabelImage().data()).containsExactly(9, 8, 7, 6);
        }
    }

    @Test
    void voxOffsetZeroInASingleFileMeans352() {
        RawNifti raw = new RawNifti().shape(2, 2).datatype(2, 8);
        raw.voxOffset = 0;
        raw.extension = new byte[4];
        raw.values = new double[] {1, 2, 3, 4};
        assertThat(Nifti.readLabels(raw.writeTo(dir.resolve("z.nii"))).data()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void readsHdrImgPairs() throws Exception {
        RawNifti raw = new RawNifti().shape(3, 2).datatype(4, 16);
        raw.magic = "ni1";
        raw.voxOffset = 0;
        raw.order = ByteOrder.BIG_ENDIAN;
        raw.values = new double[] {1, -2, 3, -4, 5, -6};
        java.nio.file.Files.write(dir.resolve("pair.hdr"), raw.header());
        java.nio.file.Files.write(dir.resolve("pair.img"), raw.voxels());
        NiftiVolume v = Nifti.read(dir.resolve("pair.hdr"));
        assertThat(v.toFloatImage().data()).containsExactly(1, -2, 3, -4, 5, -6);
        assertThat(v.byteOrder()).isEqualTo(ByteOrder.BIG_ENDIAN);
    }

    @Test
    void twoDimensionalFile() {
        RawNifti raw = new RawNifti().shape(3, 2).datatype(2, 8);
        raw.pixdim = new float[] {1, 0.5f, 0.25f, 0, 0, 0, 0, 0};
        raw.values = new double[] {0, 1, 2, 3, 4, 5};
        LabelImage l = Nifti.readLabels(raw.writeTo(dir.resolve("2d.nii")));
        assertThat(l.grid().is2D()).isTrue();
        assertThat(l.grid().spacings()).containsExactly(0.5, 0.25);
        assertThat(l.get(2, 1)).isEqualTo(5);
    }

    @Test
    void fourDimensionalFileIsClassMapsAndVolumes() {
        RawNifti raw = new RawNifti().shape(2, 2, 1, 3).datatype(16, 32);
        raw.values = new double[12];
        for (int i = 0; i < 12; i++) raw.values[i] = i * 0.5;
        raw.pixdim = new float[] {1, 2, 3, 4, 2.5f, 1, 1, 1};
        NiftiVolume v = Nifti.read(raw.writeTo(dir.resolve("4d.nii")));
        assertThat(v.dimensions()).isEqualTo(4);
        assertThat(v.volumes()).isEqualTo(3);
        assertThat(v.pixdim()).containsExactly(2, 3, 4, 2.5);
        assertThat(v.grid().is2D()).as("nz = 1 in a 4D file: 2D grid").isTrue();
        ClassMaps m = v.toClassMaps();
        assertThat(m.classes()).isEqualTo(3);
        assertThat(m.data(2)).containsExactly(4f, 4.5f, 5f, 5.5f);
        assertThat(v.toFloatImage(1).data()).containsExactly(2f, 2.5f, 3f, 3.5f);
    }

    @Test
    void fourDimensionalFileWithOneVolumeIsAnImage() {
        RawNifti raw = new RawNifti().shape(2, 2, 2, 1).datatype(2, 8);
        raw.values = new double[] {0, 1, 1, 0, 2, 2, 0, 0};
        LabelImage l = Nifti.readLabels(raw.writeTo(dir.resolve("4d1.nii")));
        assertThat(l.grid().sizes()).containsExactly(2, 2, 2);
    }

    @Test
    void trailingUnitAxesBeyondTheFourthAreIgnored() {
        RawNifti raw = new RawNifti().datatype(2, 8);
        raw.dim = new int[] {5, 2, 2, 2, 1, 1, 1, 1};
        raw.values = new double[8];
        NiftiVolume v = Nifti.read(raw.writeTo(dir.resolve("5d.nii")));
        assertThat(v.dimensions()).isEqualTo(4);
        assertThat(v.toLabelImage().grid().sizes()).containsExactly(2, 2, 2);
    }

    @Test
    void convertsMetresAndMicronsToMillimetres() {
        RawNifti raw = new RawNifti().shape(2, 2, 2).datatype(2, 8);
        raw.xyztUnits = 1;   // metres
        raw.pixdim = new float[] {1, 0.001f, 0.002f, 0.003f, 1, 1, 1, 1};
        raw.sformCode = 1;
        raw.srow = new float[] {0.001f, 0, 0, 0.1f, 0, 0.002f, 0, 0.2f, 0, 0, 0.003f, 0.3f};
        NiftiVolume v = Nifti.read(raw.writeTo(dir.resolve("m.nii")));
        assertThat(v.spatialUnit()).isEqualTo("m");
        assertThat(v.grid().spacings()).containsExactly(new double[] {1, 2, 3}, within(1e-4));
        assertThat(v.affine()[0][3]).isCloseTo(100, within(1e-3));
        assertThat(v.affine()[2][2]).isCloseTo(3, within(1e-4));

        raw.xyztUnits = 3;   // microns
        raw.pixdim = new float[] {1, 500, 500, 2000, 1, 1, 1, 1};
        NiftiVolume u = Nifti.read(raw.writeTo(dir.resolve("u.nii")));
        assertThat(u.grid().spacings()).containsExactly(new double[] {0.5, 0.5, 2}, within(1e-9));
    }

    @Test
    void negativePixdimIsTakenAsItsMagnitudeAndZeroOnAUnitAxisAsOne() {
        RawNifti raw = new RawNifti().shape(2, 2, 1).datatype(2, 8);
        raw.values = new double[4];
        raw.pixdim = new float[] {1, -2, 3, 0, 1, 1, 1, 1};
        NiftiVolume v = Nifti.read(raw.writeTo(dir.resolve("p.nii")));
        assertThat(v.grid().spacings()).containsExactly(2, 3, 1);
    }

    @Test
    void qformAffineFollowsTheQuaternionAndQfac() {
        // 90 degrees about z: (b, c, d) = (0, 0, sin 45), qfac = -1
        RawNifti raw = new RawNifti().shape(2, 2, 2).datatype(2, 8);
        raw.qformCode = 1;
        raw.quatern = new float[] {0, 0, (float) Math.sqrt(0.5)};
        raw.qoffset = new float[] {10, 20, 30};
        raw.pixdim = new float[] {-1, 2, 3, 4, 1, 1, 1, 1};
        NiftiVolume v = Nifti.read(raw.writeTo(dir.resolve("q.nii")));
        double[][] a = v.affine();
        assertThat(a[0]).containsExactly(new double[] {0, -3, 0, 10}, within(1e-6));
        assertThat(a[1]).containsExactly(new double[] {2, 0, 0, 20}, within(1e-6));
        assertThat(a[2]).containsExactly(new double[] {0, 0, -4, 30}, within(1e-6));
        assertThat(v.orientation()).isEqualTo("ALI");
    }

    @Test
    void voxelCountReadsTheHeaderAloneOfCompressedAndPlainFiles() throws Exception {
        org.regionwise.core.image.Grid g = org.regionwise.core.image.Grid.of(new int[] {7, 5, 3}, new double[] {1, 1, 2});
        Path gz = dir.resolve("v.nii.gz"), raw = dir.resolve("v.nii");
        Nifti.write(gz, new LabelImage(g, new int[g.voxelCount()]));
        Nifti.write(raw, new FloatImage(g, new float[g.voxelCount()]));
        assertThat(Nifti.voxelCount(gz)).isEqualTo(105);
        assertThat(Nifti.voxelCount(raw)).isEqualTo(Nifti.read(raw).voxelCount());
        // the data beyond the header is not read: a file cut after its header still has a voxel count
        byte[] b = java.nio.file.Files.readAllBytes(raw);
        Path cut = dir.resolve("cut.nii");
        java.nio.file.Files.write(cut, java.util.Arrays.copyOf(b, 352));
        assertThat(Nifti.voxelCount(cut)).isEqualTo(105);
    }
}
