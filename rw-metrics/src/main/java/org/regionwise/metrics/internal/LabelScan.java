package org.regionwise.metrics.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One pass over a prediction and a reference label array that counts, for every requested label, the voxels in the
 * prediction, in the reference and in both, and the bounding box of the union of both masks.
 */
public final class LabelScan {
    private final int[] labels;
    private final long[] prediction;
    private final long[] reference;
    private final long[] both;
    private final int[][] lo;
    private final int[][] hi;

    private LabelScan(int[] labels) {
        int n = labels.length;
        this.labels = labels.clone();
        this.prediction = new long[n];
        this.reference = new long[n];
        this.both = new long[n];
        this.lo = new int[n][];
        this.hi = new int[n][];
        for (int i = 0; i < n; i++) {
            lo[i] = new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
            hi[i] = new int[] {Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
        }
    }

    /**
     * Scans {@code pred} and {@code ref} (same length, x fastest on a grid of {@code size3 = {nx, ny, nz}}).
     *
     * @param labels distinct labels to count, each >= 0
     */
    public static LabelScan of(int[] pred, int[] ref, int[] size3, int[] labels) {
        LabelScan s = new LabelScan(labels);
        int max = 0;
        for (int l : labels) max = Math.max(max, l);
        int[] slot = new int[max + 1];
        Arrays.fill(slot, -1);
        for (int i = 0; i < labels.length; i++) slot[labels[i]] = i;
        int nx = size3[0];
        int ny = size3[1];
        int nz = size3[2];
        int i = 0;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++, i++) {
                    int p = pred[i];
                    int r = ref[i];
                    int sp = p <= max ? slot[p] : -1;
                    int sr = r <= max ? slot[r] : -1;
                    if (sp >= 0) {
                        s.prediction[sp]++;
                        s.extend(sp, x, y, z);
                    }
                    if (sr >= 0) {
                        s.reference[sr]++;
                        if (sr == sp) s.both[sr]++;
                        else s.extend(sr, x, y, z);
                    }
                }
            }
        }
        return s;
    }

    private void extend(int s, int x, int y, int z) {
        int[] l = lo[s];
        int[] h = hi[s];
        if (x < l[0]) l[0] = x;
        if (x >= h[0]) h[0] = x + 1;
        if (y < l[1]) l[1] = y;
        if (y >= h[1]) h[1] = y + 1;
        if (z < l[2]) l[2] = z;
        if (z >= h[2]) h[2] = z + 1;
    }

    public int slotOf(int label) {
        for (int i = 0; i < labels.length; i++) if (labels[i] == label) return i;
        throw new IllegalArgumentException("label " + label + " was not scanned (scanned " + Arrays.toString(labels) + ")");
    }

    public long predictionCount(int slot) { return prediction[slot]; }

    public long referenceCount(int slot) { return reference[slot]; }

    public long intersectionCount(int slot) { return both[slot]; }

    /** Bounding box of the union of both masks, or null when both are empty. */
    public @Nullable Box box(int slot) {
        if (prediction[slot] == 0 && reference[slot] == 0) return null;
        return new Box(lo[slot].clone(), hi[slot].clone());
    }
}
