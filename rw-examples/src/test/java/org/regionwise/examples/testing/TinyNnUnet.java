package org.regionwise.examples.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.io.Nifti;

/** Writes a tiny nnU-Net raw dataset: 12×10×6 volumes with a box of label 1 around a box of label 2 in z = 2..3. */
public final class TinyNnUnet {
    private TinyNnUnet() {}

    public static final String DATASET_JSON_V2 = "{\"channel_names\": {\"0\": \"CT\"}, \"labels\": {\"background\": 0, \"kidney\": 1, "
            + "\"tumour\": 2}, \"numTraining\": 10, \"file_ending\": \".nii.gz\"}";

    /** dataset.json v2 with two channels (T1, FLAIR), for {@link #write(Path, int, boolean, String, int)}. */
    public static final String DATASET_JSON_V2_TWO_CHANNELS = "{\"channel_names\": {\"0\": \"T1\", \"1\": \"FLAIR\"}, \"labels\": "
            + "{\"background\": 0, \"kidney\": 1, \"tumour\": 2}, \"numTraining\": 10, \"file_ending\": \".nii.gz\"}";

    /** {@code cases} training cases, plus 2 labelled test cases when {@code testSplit}. */
    public static void write(Path root, int cases, boolean testSplit, String json) { write(root, cases, testSplit, json, 1); }

    /**
     * As {@link #write(Path, int, boolean, String)} with {@code channels} image files per case, {@code CASE_000c};
     * channel {@code c > 0} is darker where the label is higher ({@code 80 - 20 c l}), so that every channel carries
     * the labels.
     */
    public static void write(Path root, int cases, boolean testSplit, String json, int channels) {
        try {
            Files.createDirectories(root);
            Files.writeString(root.resolve("dataset.json"), json);
            for (String d : new String[] {"imagesTr", "labelsTr"}) Files.createDirectories(root.resolve(d));
            if (testSplit) for (String d : new String[] {"imagesTs", "labelsTs"}) Files.createDirectories(root.resolve(d));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Random r = new Random(3);
        for (int c = 0; c < cases; c++) writeCase(root, "imagesTr", "labelsTr", String.format("case_%03d", c), r, channels);
        if (testSplit) for (int c = 0; c < 2; c++) writeCase(root, "imagesTs", "labelsTs", String.format("test_%03d", c), r, channels);
    }

    private static void writeCase(Path root, String images, String labels, String id, Random r, int channels) {
        Grid g = Grid.of(new int[] {12, 10, 6}, new double[] {0.8, 0.8, 2.5});
        float[] v = new float[g.voxelCount()];
        int[] l = new int[g.voxelCount()];
        for (int z = 0; z < 6; z++) for (int y = 0; y < 10; y++) for (int x = 0; x < 12; x++) {
            int i = g.index(x, y, z);
            boolean box = z >= 2 && z <= 3 && x >= 3 && x < 9 && y >= 2 && y < 8;
            boolean inner = box && x >= 5 && x < 7 && y >= 4 && y < 6;
            l[i] = inner ? 2 : box ? 1 : 0;
            v[i] = (float) (100 + 50 * l[i] + 5 * r.nextGaussian());
        }
        Nifti.write(root.resolve(images).resolve(id + "_0000.nii.gz"), new FloatImage(g, v));
        for (int ch = 1; ch < channels; ch++) {
            float[] w = new float[g.voxelCount()];
            for (int i = 0; i < w.length; i++) w[i] = (float) (80 - 20 * ch * l[i] + 5 * r.nextGaussian());
            Nifti.write(root.resolve(images).resolve(String.format("%s_%04d.nii.gz", id, ch)), new FloatImage(g, w));
        }
        Nifti.write(root.resolve(labels).resolve(id + ".nii.gz"), new LabelImage(g, l));
    }
}
