package org.regionwise.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.io.Nifti;
import org.regionwise.core.map.Maps;
import org.regionwise.maps.RegionWiseMaps;
import picocli.CommandLine;

class MapsCommandTest {
    @TempDir Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int rw(String... args) {
        CommandLine cl = RwCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /** 9x8x5 volume, spacing 1 x 1 x 2.5 mm: a box of label 1 and a smaller box of label 2 inside it. */
    private static LabelImage volume() {
        Grid g = Grid.of(new int[] {9, 8, 5}, new double[] {1, 1, 2.5});
        int[] y = new int[g.voxelCount()];
        for (int z = 1; z < 4; z++) for (int j = 1; j < 7; j++) for (int i = 1; i < 8; i++) {
            y[g.index(i, j, z)] = (i >= 3 && i <= 5 && j >= 3 && j <= 4 && z == 2) ? 2 : 1;
        }
        return new LabelImage(g, y);
    }

    @Test
    void writesTheRrwMapOnTheInputGridWithCheckAndPng() throws Exception {
        Path in = dir.resolve("labels.nii.gz");
        Nifti.write(in, volume());
        Path z = dir.resolve("z.nii.gz");
        int code = rw("maps", "--labels", in.toString(), "--classes", "3", "--map", "rrw", "--out", z.toString(),
                "--check", "--threads", "2", "--png", dir.resolve("png").toString());
        assertThat(code).as(err.toString()).isZero();
        ClassMaps written = Nifti.readClassMaps(z);
        ClassMaps expected = RegionWiseMaps.create(Maps.rectified()).compute(volume(), 3);
        assertThat(written.classes()).isEqualTo(3);
        assertThat(written.grid().sizes()).containsExactly(9, 8, 5);
        assertThat(written.grid().spacing(2)).isCloseTo(2.5, within(1e-6));
        for (int k = 0; k < 3; k++) assertThat(written.data(k)).containsExactly(expected.data(k));
        assertThat(out.toString()).contains("rrw map, K=3").contains("stability: STABLE");
        for (int k = 0; k < 3; k++) {
            BufferedImage img = ImageIO.read(dir.resolve("png/class-" + k + ".png").toFile());
            assertThat(img.getWidth()).isEqualTo(9);
            assertThat(img.getHeight()).isEqualTo(8);
        }
        // middle slice z = 2: the class 1 map at (0, 0) is +1 (outside class 1), pure red; the class 2 map at
        // (4, 3), the deepest voxel of class 2, is -1, pure blue
        BufferedImage c1 = ImageIO.read(dir.resolve("png/class-1.png").toFile());
        assertThat(c1.getRGB(0, 0) & 0xffffff).isEqualTo(0xff0000);
        BufferedImage c2 = ImageIO.read(dir.resolve("png/class-2.png").toFile());
        assertThat(c2.getRGB(4, 3) & 0xffffff).isEqualTo(0x0000ff);
    }

    @Test
    void boundaryMapIsReportedUnbounded2D() throws Exception {
        Path in = dir.resolve("l2.nii");
        int[] y = new int[16 * 12];
        for (int j = 3; j < 9; j++) for (int i = 4; i < 12; i++) y[i + 16 * j] = 1;
        Nifti.write(in, new LabelImage(Grid.of(new int[] {16, 12}, new double[] {0.5, 2}), y));
        Path z = dir.resolve("b.nii");
        assertThat(rw("maps", "--labels", in.toString(), "--classes", "2", "--map", "boundary", "--out", z.toString(),
                "--check", "--physical-spacing")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("UNSTABLE").contains("unbounded");
        ClassMaps written = Nifti.readClassMaps(z);
        // physical units: class 1 at (0, 0) is 4 voxels * 0.5 mm from the box along x and 3 * 2 mm along y
        assertThat((double) written.get(1, 0)).isCloseTo(Math.hypot(2, 6), within(1e-5));
    }

    @Test
    void userErrorsAreOneLineWithExitCode2() throws Exception {
        Path in = dir.resolve("labels.nii.gz");
        Nifti.write(in, volume());
        Path z = dir.resolve("z.nii.gz").toAbsolutePath();
        // K smaller than the largest label
        assertUserError(rw("maps", "--labels", in.toString(), "--classes", "2", "--map", "rrw", "--out", z.toString()),
                "has label 2 but --classes is 2");
        // a float label volume
        Path f = dir.resolve("float.nii.gz");
        Nifti.write(f, new FloatImage(Grid.of2D(4, 4), new float[16]));
        assertUserError(rw("maps", "--labels", f.toString(), "--classes", "2", "--map", "rrw", "--out", z.toString()),
                "float32");
        // a 4D input
        Path four = dir.resolve("four.nii.gz");
        Nifti.write(four, ClassMaps.zeros(Grid.of3D(3, 3, 3), 2));
        assertUserError(rw("maps", "--labels", four.toString(), "--classes", "2", "--map", "rrw", "--out", z.toString()),
                "4D");
        // unknown map, missing file, class-balanced with K != 2
        assertUserError(rw("maps", "--labels", in.toString(), "--classes", "3", "--map", "nope", "--out", z.toString()),
                "unknown map 'nope'");
        assertUserError(rw("maps", "--labels", dir.resolve("missing.nii").toString(), "--classes", "3", "--map", "rrw",
                "--out", z.toString()), "no such file");
        assertUserError(rw("maps", "--labels", in.toString(), "--classes", "3", "--map", "class-balanced", "--out", z.toString()),
                "K=3");
        assertUserError(rw("maps", "--labels", in.toString(), "--classes", "3", "--map", "rrw", "--out",
                dir.resolve("z.png").toString()), ".nii or .nii.gz");
        assertThat(Files.exists(z)).isFalse();
    }

    private void assertUserError(int code, String fragment) {
        String e = err.toString();
        assertThat(code).as(e).isEqualTo(2);
        assertThat(e.strip().lines()).as(e).hasSize(1);
        assertThat(e).startsWith("rw: ").contains(fragment);
        err.getBuffer().setLength(0);
    }
}
