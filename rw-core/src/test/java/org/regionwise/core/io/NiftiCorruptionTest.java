package org.regionwise.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random damage to a valid file (header bytes flipped, tail cut) must end in a volume or an
 * {@link ImageFormatException} naming the file, never in an index, EOF, negative-size or out-of-memory error.
 */
class NiftiCorruptionTest {
    @TempDir Path dir;

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void randomDamageNeverLeaksALowLevelException(boolean gzip) {
        RawNifti good = new RawNifti().shape(6, 5, 4).datatype(4, 16);
        good.values = NiftiReaderTest.randomValues(NiftiDatatype.INT16, -500, 500, 120, 3);
        good.sformCode = 1;
        byte[] original = good.bytes();
        Random r = new Random(gzip ? 2024 : 2023);
        int ok = 0, rejected = 0;
        for (int trial = 0; trial < 400; trial++) {
            byte[] b = original.clone();
            int flips = 1 + r.nextInt(4);
            for (int k = 0; k < flips; k++) {
                int at = r.nextInt(352);
                b[at] = (byte) (r.nextBoolean() ? r.nextInt(256) : b[at] ^ (1 << r.nextInt(8)));
            }
            if (r.nextInt(4) == 0) b = java.util.Arrays.copyOf(b, r.nextInt(b.length));
            Path f = RawNifti.writeBytes(dir.resolve("t" + trial + (gzip ? ".nii.gz" : ".nii")), b, gzip);
            try {
                NiftiVolume v = Nifti.read(f);
                v.range();
                if (v.volumes() == 1) v.toFloatImage();
                ok++;
            } catch (ImageFormatException e) {
                assertThat(e.getMessage()).as("trial %d", trial).startsWith(f + ": ");
                rejected++;
            }
        }
        assertThat(ok).isPositive();
        assertThat(rejected).isPositive();
    }
}
