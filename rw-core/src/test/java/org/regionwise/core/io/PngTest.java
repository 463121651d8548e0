package org.regionwise.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;

class PngTest {
    @TempDir Path dir;

    private static int bitDepth(Path f) throws Exception {
        return Files.readAllBytes(f)[24];
    }

    @ParameterizedTest(name = "max label {0}")
    @ValueSource(ints = {1, 255, 256, 65535})
    void labelsRoundTripIn8Or16Bits(int maxLabel) throws Exception {
        Grid g = Grid.of2D(13, 7);
        Random r = new Random(maxLabel);
        int[] v = new int[g.voxelCount()];
        for (int i = 0; i < v.length; i++) v[i] = r.nextInt(maxLabel + 1);
        v[5] = maxLabel;
        Path f = dir.resolve("l.png");
        Png.write(f, new LabelImage(g, v));
        assertThat(bitDepth(f)).isEqualTo(maxLabel <= 255 ? 8 : 16);
        LabelImage back = Png.readLabels(f);
        assertThat(back.grid().sizes()).containsExactly(13, 7);
        assertThat(back.data()).containsExactly(v);
    }

    @ParameterizedTest(name = "spacing {0} mm")
    @ValueSource(doubles = {1.0, 0.9, 0.5, 0.25, 0.7421875, 2.5, 0.1, 3.0})
    void spacingTravelsInThePhysChunk(double mm) {
        Grid g = Grid.of(new int[] {3, 2}, new double[] {mm, 2 * mm});
        Path f = dir.resolve("s.png");
        Png.write(f, new LabelImage(g, new int[] {0, 1, 2, 3, 4, 5}));
        Grid back = Png.readLabels(f).grid();
        assertThat(back.spacing(0)).isCloseTo(mm, org.assertj.core.api.Assertions.within(mm * 1e-3));
        assertThat(back.spacing(1)).isCloseTo(2 * mm, org.assertj.core.api.Assertions.within(mm * 1e-3));
        if (mm == 0.9 || mm == 0.5 || mm == 2.5 || mm == 1.0) assertThat(back.spacings()).containsExactly(mm, 2 * mm);
        assertThat(Png.readImage(f).grid().spacings()).containsExactly(back.spacings());
    }

    @Test
    void pngWithoutPhysHasOneMillimetreSpacingAndOthersCanReadOurs() throws Exception {
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
        Path f = dir.resolve("plain.png");
        ImageIO.write(img, "png", f.toFile());
        assertThat(Png.readImage(f).grid().spacings()).containsExactly(1, 1);
        Path ours = dir.resolve("ours.png");
        Png.write(ours, new LabelImage(Grid.of(new int[] {2, 2}, new double[] {0.9, 0.9}), new int[] {0, 7, 8, 9}));
        BufferedImage back = ImageIO.read(ours.toFile());   // the inserted chunk keeps the file valid (CRC checked)
        assertThat(back.getRaster().getSample(1, 0, 0)).isEqualTo(7);
        javax.imageio.ImageReader r = ImageIO.getImageReadersByFormatName("png").next();
        try (var in = ImageIO.createImageInputStream(ours.toFile())) {
            r.setInput(in);
            org.w3c.dom.Node tree = r.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            org.w3c.dom.Node phys = null;
            for (org.w3c.dom.Node n = tree.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeName().equals("pHYs")) phys = n;
            }
            assertThat(phys).isNotNull();
            assertThat(phys.getAttributes().getNamedItem("pixelsPerUnitXAxis").getNodeValue()).isEqualTo("1111");
            assertThat(phys.getAttributes().getNamedItem("unitSpecifier").getNodeValue()).isEqualTo("meter");
        } finally {
            r.dispose();
        }
    }

    @Test
    void rowZeroIsTheTopRowAndXIsTheColumn() throws Exception {
        int[] v = new int[6];
        v[new Grid[] {Grid.of2D(3, 2)}[0].index(2, 1)] = 200;   // (x=2, y=1)
        Path f = dir.resolve("xy.png");
        Png.write(f, new LabelImage(Grid.of2D(3, 2), v));
        BufferedImage img = ImageIO.read(f.toFile());
        assertThat(img.getWidth()).isEqualTo(3);
        assertThat(img.getHeight()).isEqualTo(2);
        assertThat(img.getRaster().getSample(2, 1, 0)).isEqualTo(200);
    }

    @Test
    void integerFloatImagesAreWrittenExactly() {
        Grid g = Grid.of2D(4, 4);
        float[] v = new float[16];
        for (int i = 0; i < 16; i++) v[i] = i * 4000;
        Png.write(dir.resolve("e16.png"), new FloatImage(g, v));
        assertThat(Png.readImage(dir.resolve("e16.png")).data()).containsExactly(v);
        float[] w = new float[16];
        for (int i = 0; i < 16; i++) w[i] = i * 17;
        Png.write8(dir.resolve("e8.png"), new FloatImage(g, w));
        assertThat(Png.readImage(dir.resolve("e8.png")).data()).containsExactly(w);
    }

    @Test
    void otherFloatImagesAreRescaledLinearlyOntoTheFullRange() throws Exception {
        Grid g = Grid.of2D(5, 1);
        FloatImage img = new FloatImage(g, new float[] {-1f, 0f, 0.5f, 3f, Float.NaN});
        Path f16 = dir.resolve("r16.png");
        Png.write(f16, img);
        assertThat(bitDepth(f16)).isEqualTo(16);
        assertThat(Png.readImage(f16).data()).containsExactly(0f, 16384f, 24576f, 65535f, 0f);
        Path f8 = dir.resolve("r8.png");
        Png.write8(f8, img);
        assertThat(Png.readImage(f8).data()).containsExactly(0f, 64f, 96f, 255f, 0f);
        Png.write8(f8, new FloatImage(g, new float[] {-2, -2, -2, -2, -2}));
        assertThat(Png.readImage(f8).data()).containsOnly(0f);
    }

    @Test
    void paletteImagesAreLabelsByIndex() throws Exception {
        byte[] red = {0, (byte) 255, 0, 0}, green = {0, 0, (byte) 255, 0}, blue = {0, 0, 0, (byte) 255};
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 4, red, green, blue));
        img.getRaster().setPixels(0, 0, 3, 2, new int[] {0, 1, 2, 3, 2, 1});
        Path f = dir.resolve("pal.png");
        ImageIO.write(img, "png", f.toFile());
        assertThat(Png.readLabels(f).data()).containsExactly(0, 1, 2, 3, 2, 1);
        assertThatThrownBy(() -> Png.readImage(f)).isInstanceOf(ImageFormatException.class)
                .hasMessageContainingAll(f.toString(), "colour type 3 (palette)");
    }

    @Test
    void colourImagesAreRejectedNamingTheColourType() throws Exception {
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        Path f = dir.resolve("rgb.png");
        ImageIO.write(img, "png", f.toFile());
        assertThatThrownBy(() -> Png.readLabels(f)).isInstanceOf(ImageFormatException.class)
                .hasMessage(f + ": IHDR colour type 2 (RGB) is not supported: labels must be grey-scale or palette PNGs");
    }

    @Test
    void notAPngTruncatedAndMissing() throws Exception {
        Path txt = Files.writeString(dir.resolve("a.png"), "hello, this is not a PNG file at all, really");
        assertThatThrownBy(() -> Png.readImage(txt)).isInstanceOf(ImageFormatException.class)
                .hasMessageContainingAll(txt.toString(), "signature");
        Path ok = dir.resolve("ok.png");
        Png.write(ok, LabelImage.zeros(Grid.of2D(64, 64)));
        byte[] b = Files.readAllBytes(ok);
        Path cut = Files.write(dir.resolve("cut.png"), Arrays.copyOf(b, b.length / 2));
        assertThatThrownBy(() -> Png.readImage(cut)).isInstanceOf(ImageFormatException.class)
                .hasMessageStartingWith(cut + ": ");
        assertThatThrownBy(() -> Png.readImage(dir.resolve("none.png"))).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("none.png: no such file");
    }

    @Test
    void writersRefuse3dImagesAndHugeLabels() {
        assertThatThrownBy(() -> Png.write(dir.resolve("3d.png"), LabelImage.zeros(Grid.of3D(2, 2, 2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2D images only").hasMessageContaining("2×2×2");
        int[] v = {70000, 0, 0, 0};
        assertThatThrownBy(() -> Png.write(dir.resolve("big.png"), new LabelImage(Grid.of2D(2, 2), v)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("70000");
        assertThat(dir.resolve("3d.png")).doesNotExist();
    }
}
