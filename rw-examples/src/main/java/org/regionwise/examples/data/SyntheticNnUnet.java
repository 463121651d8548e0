package org.regionwise.examples.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.io.Nifti;

/**
 * Writes a synthetic nnU-Net raw folder of any size, for the larger-than-memory tests and benchmarks: each case is a
 * float32 MR-like volume (noise inside an ellipsoidal "body", exactly 0 outside it, so the cache's crop has work to
 * do) with an "organ" (label 1) and a small "lesion" (label 2), spacing 1 x 1 x 2 mm; two labelled test cases in
 * imagesTs/labelsTs. Cases are generated one at a time (memory: one case).
 *
 * <p>Command line: {@code java -cp rw.jar org.regionwise.examples.data.SyntheticNnUnet DIR CASES NX NY NZ [.nii|.nii.gz]}.
 */
public final class SyntheticNnUnet {
    private SyntheticNnUnet() {}

    /** dataset.json of the folder. */
    static final String DATASET_JSON = "{\"channel_names\": {\"0\": \"MRI\"}, \"labels\": {\"background\": 0, \"organ\": 1, "
            + "\"lesion\": 2}, \"numTraining\": %d, \"file_ending\": \"%s\"}";

    /**
     * Writes the folder.
     *
     * @param root the dataset folder (created)
     * @param cases training cases
     * @param shape nx, ny, nz of every case
     * @param ending {@code .nii} or {@code .nii.gz}
     * @param seed the seed
     * @return bytes of voxel data of the training images (float32), not counting labels or test cases
     */
    public static long write(Path root, int cases, int[] shape, String ending, long seed) {
        try {
            for (String d : new String[] {"imagesTr", "labelsTr", "imagesTs", "labelsTs"}) Files.createDirectories(root.resolve(d));
            Files.writeString(root.resolve("dataset.json"), String.format(Locale.ROOT, DATASET_JSON, cases, ending));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + root + ": " + e.getMessage(), e);
        }
        for (int c = 0; c < cases; c++) writeCase(root, "imagesTr", "labelsTr", String.format(Locale.ROOT, "case_%04d", c), shape, ending, seed + c);
        for (int c = 0; c < 2; c++) writeCase(root, "imagesTs", "labelsTs", String.format(Locale.ROOT, "test_%04d", c), shape, ending, seed + 100_000 + c);
        return 4L * cases * shape[0] * shape[1] * shape[2];
    }

    private static void writeCase(Path root, String images, String labels, String id, int[] shape, String ending, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int nx = shape[0], ny = shape[1], nz = shape[2];
        Grid g = Grid.of(shape, new double[] {1, 1, 2});
        float[] v = new float[g.voxelCount()];
        int[] l = new int[g.voxelCount()];
        double ox = nx * (0.45 + 0.1 * r.nextDouble()), oy = ny * (0.45 + 0.1 * r.nextDouble()), oz = nz * (0.45 + 0.1 * r.nextDouble());
        double ro = Math.min(nx, ny) * (0.12 + 0.05 * r.nextDouble());
        double lx = ox + ro * 0.5, ly = oy, lz = oz, rl = ro * 0.3;
        for (int z = 0, i = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++, i++) {
                    double bx = (x - nx / 2.0) / (nx * 0.42), by = (y - ny / 2.0) / (ny * 0.38), bz = (z - nz / 2.0) / (nz * 0.45);
                    if (bx * bx + by * by + bz * bz > 1) continue; // air: exactly 0, cropped away by the cache
                    double dz = (z - oz) * 2, dlz = (z - lz) * 2;
                    boolean organ = (x - ox) * (x - ox) + (y - oy) * (y - oy) + dz * dz < ro * ro;
                    boolean lesion = (x - lx) * (x - lx) + (y - ly) * (y - ly) + dlz * dlz < rl * rl;
                    l[i] = lesion ? 2 : organ ? 1 : 0;
                    v[i] = (float) (100 + 40 * l[i] + 12 * (r.nextDouble() + r.nextDouble() + r.nextDouble() - 1.5));
                }
            }
        }
        Nifti.write(root.resolve(images).resolve(id + "_0000" + ending), new FloatImage(g, v));
        Nifti.write(root.resolve(labels).resolve(id + ending), new LabelImage(g, l));
    }

    /**
     * Writes a folder from the command line.
     *
     * @param args DIR CASES NX NY NZ [.nii|.nii.gz]
     */
    public static void main(String[] args) {
        if (args.length < 5) {
            System.err.println("usage: SyntheticNnUnet DIR CASES NX NY NZ [.nii|.nii.gz]");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        String ending = args.length > 5 ? args[5] : ".nii.gz";
        long bytes = write(Path.of(args[0]), Integer.parseInt(args[1]),
                new int[] {Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4])}, ending, 1);
        System.out.printf(Locale.ROOT, "wrote %s: %s cases, %.1f MB of float32 training voxels, in %.1f s%n", args[0], args[1], bytes / 1e6,
                (System.nanoTime() - t0) / 1e9);
    }
}
