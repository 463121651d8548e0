package org.regionwise.training.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;

/** Seeded test volumes for the case-file tests, and the in-memory slicing they are compared with. */
public final class TestVolumes {
    private TestVolumes() {}

    /** A test volume: channels, labels, fill. */
    public record Volume(int dims, int[] shape, double[] spacing, float[][] channels, float[] fill, int[] labels, int classes) {
        public CaseFile.Content content(String stamp) {
            float[][] copy = new float[channels.length][];
            for (int c = 0; c < copy.length; c++) copy[c] = channels[c].clone();
            return new CaseFile.Content(dims, shape, spacing, copy, fill.clone(), labels.clone(), classes, stamp);
        }

        int n() { return shape[0] * shape[1] * shape[2]; }

        float value(int c, int x, int y, int z) { return channels[c][x + shape[0] * (y + shape[1] * z)]; }

        int label(int x, int y, int z) { return labels[x + shape[0] * (y + shape[1] * z)]; }
    }

    /**
     * A volume whose outer {@code pad} voxels on every side hold the fill and label 0, with blobs of labels inside.
     * {@code labelMode}: 0 random blobs, 1 empty, 2 every voxel foreground.
     */
    public static Volume volume(long seed, int dims, int[] shape, double[] spacing, int channels, int classes, int pad, int labelMode) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = shape[0] * shape[1] * shape[2];
        float[][] ch = new float[channels][n];
        float[] fill = new float[channels];
        int[] lab = new int[n];
        for (int c = 0; c < channels; c++) fill[c] = (float) (-1.5 + c);
        for (int z = 0, i = 0; z < shape[2]; z++) {
            for (int y = 0; y < shape[1]; y++) {
                for (int x = 0; x < shape[0]; x++, i++) {
                    boolean inside = x >= pad && y >= pad && x < shape[0] - pad && y < shape[1] - pad
                            && (dims == 2 || (z >= pad && z < shape[2] - pad));
                    for (int c = 0; c < channels; c++) ch[c][i] = inside ? (float) r.nextGaussian(c, 1) : fill[c];
                    lab[i] = switch (labelMode) {
                        case 1 -> 0;
                        case 2 -> 1 + r.nextInt(classes - 1);
                        default -> inside && r.nextInt(4) == 0 ? r.nextInt(classes) : 0;
                    };
                }
            }
        }
        if (labelMode == 2) pad = 0;
        return new Volume(dims, shape, spacing, ch, fill, lab, classes);
    }

    /** Slice {@code i} along {@code axis} cut from the volume by the core types (the in-memory path). */
    public static Sample slice(Volume v, int axis, int i) {
        if (v.dims() == 2) {
            Grid g = Grid.of(new int[] {v.shape()[0], v.shape()[1]}, new double[] {v.spacing()[0], v.spacing()[1]});
            List<FloatImage> ch = new ArrayList<>();
            for (float[] c : v.channels()) ch.add(new FloatImage(g, c.clone()));
            return new Sample("s", ch, new LabelImage(g, v.labels().clone()));
        }
        Grid g = Grid.of(v.shape(), v.spacing());
        List<FloatImage> ch = new ArrayList<>();
        for (float[] c : v.channels()) ch.add(new FloatImage(g, c.clone()).slice(axis, i));
        return new Sample("s", ch, new LabelImage(g, v.labels().clone()).slice(axis, i));
    }

}
