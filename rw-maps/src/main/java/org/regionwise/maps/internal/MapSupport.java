package org.regionwise.maps.internal;

import java.util.Arrays;
import java.util.Objects;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.map.DistanceUnits;

/** Small helpers shared by the map implementations. */
public final class MapSupport {
    private MapSupport() {}

    /** Checks the arguments of {@code RegionWiseMap.compute}: {@code classes >= 1} and every label below it. */
    public static void checkInput(LabelImage labels, int classes, String map) {
        Objects.requireNonNull(labels, "labels");
        if (classes < 1) throw new IllegalArgumentException(map + ": the number of classes must be >= 1, got " + classes);
        labels.requireClasses(classes);
    }

    /** Number of voxels with label {@code k}. */
    public static int count(int[] labels, int k) {
        int c = 0;
        for (int l : labels) if (l == k) c++;
        return c;
    }

    /** {@code mask[i] = labels[i] == k}. */
    public static boolean[] mask(int[] labels, int k) {
        boolean[] m = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) m[i] = labels[i] == k;
        return m;
    }

    /** {@code mask[i] = labels[i] != k}. */
    public static boolean[] complement(int[] labels, int k) {
        boolean[] m = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) m[i] = labels[i] != k;
        return m;
    }

    /** The spacing to measure with: the grid's (mm) or all ones (voxels). */
    public static double[] spacing(Grid grid, DistanceUnits units) {
        if (units == DistanceUnits.PHYSICAL) return grid.spacings();
        double[] ones = new double[grid.dimensions()];
        Arrays.fill(ones, 1.0);
        return ones;
    }

    /** An array of {@code n} copies of {@code value}. */
    public static float[] filled(int n, float value) {
        float[] a = new float[n];
        Arrays.fill(a, value);
        return a;
    }
}
