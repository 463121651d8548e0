package org.regionwise.maps.internal;

/**
 * Face-connected components (4-neighbourhood in 2D, 6 in 3D, 2N in N-D; SciPy {@code ndimage.label}'s default) of
 * a binary mask on a flat x-fastest grid, by breadth-first flooding. O(N) time, one {@code int[]} of labels and one
 * queue.
 */
public final class ConnectedComponents {
    private ConnectedComponents() {}

    /**
     * @return {@code labels[i] = 0} outside the mask and {@code 1..count} inside, numbered in order of first voxel;
     *     {@link #count(int[])} gives the count
     */
    public static int[] label(boolean[] mask, int[] size) {
        int n = mask.length;
        int dims = size.length;
        int[] stride = new int[dims];
        int s = 1;
        for (int a = 0; a < dims; a++) {
            stride[a] = s;
            s *= size[a];
        }
        int[] labels = new int[n];
        int[] queue = new int[n];
        int next = 0;
        for (int seed = 0; seed < n; seed++) {
            if (!mask[seed] || labels[seed] != 0) continue;
            int id = ++next;
            int head = 0, tail = 0;
            queue[tail++] = seed;
            labels[seed] = id;
            while (head < tail) {
                int i = queue[head++];
                for (int a = 0; a < dims; a++) {
                    int c = (i / stride[a]) % size[a];
                    if (c > 0) {
                        int j = i - stride[a];
                        if (mask[j] && labels[j] == 0) { labels[j] = id; queue[tail++] = j; }
                    }
                    if (c < size[a] - 1) {
                        int j = i + stride[a];
                        if (mask[j] && labels[j] == 0) { labels[j] = id; queue[tail++] = j; }
                    }
                }
            }
        }
        return labels;
    }

    /** The number of components in a result of {@link #label}: its largest value. */
    public static int count(int[] labels) {
        int m = 0;
        for (int l : labels) if (l > m) m = l;
        return m;
    }
}
