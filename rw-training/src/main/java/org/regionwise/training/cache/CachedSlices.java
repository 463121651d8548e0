package org.regionwise.training.cache;

import java.util.AbstractList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.concurrent.ConcurrentHashMap;
import org.regionwise.core.backend.Sample;

/**
 * The 2D training slices of memory-mapped cases, as an immutable {@code List<Sample>} that decodes a slice only when
 * {@link #get(int)} asks for it: a dataset of any size costs a few bytes of heap per slice. The order is case by
 * case, slice by slice along the axis, as {@code NnUnetDataset} cuts volumes in memory, and sample ids are the same
 * ({@code NAME/CASE/z012}; a 2D case is one sample {@code NAME/CASE}). The training pipeline samples patches from such a
 * list straight from the mapped files, through {@link #caseAt}, {@link #sliceAt} and the per-slice foreground lists,
 * without decoding whole slices.
 *
 * <p>Per-slice foreground lists along axis 2 are ranges of the case file's foreground list; along axes 0 and 1 they
 * are regrouped once per case, on first use, into the heap (4 bytes per foreground voxel).
 */
public final class CachedSlices extends AbstractList<Sample> implements MappedCases, RandomAccess {
    private final String name;
    private final List<String> ids;
    private final List<CachedCase> cases;
    private final int axis;
    private final int[] caseOf, sliceOf;
    private final ConcurrentHashMap<Integer, int[][]> regrouped;

    private CachedSlices(String name, List<String> ids, List<CachedCase> cases, int axis, int[] caseOf, int[] sliceOf,
                         ConcurrentHashMap<Integer, int[][]> regrouped) {
        this.name = name;
        this.ids = ids;
        this.cases = cases;
        this.axis = axis;
        this.caseOf = caseOf;
        this.sliceOf = sliceOf;
        this.regrouped = regrouped;
    }

    /**
     * The slices of {@code cases} along {@code axis} (a 2D case gives its one image).
     *
     * @param name the dataset name, the ids' prefix
     * @param ids the case ids, parallel to {@code cases}
     * @param cases the opened cases (all with the same channel count)
     * @param axis the slice axis of 3D cases
     * @param foregroundOnly keep only slices with a foreground voxel
     * @return the slices
     */
    public static CachedSlices of(String name, List<String> ids, List<CachedCase> cases, int axis, boolean foregroundOnly) {
        Objects.requireNonNull(name, "name");
        if (ids.size() != cases.size()) throw new IllegalArgumentException(ids.size() + " ids for " + cases.size() + " cases");
        if (axis < 0 || axis > 2) throw new IllegalArgumentException("slice axis must be 0, 1 or 2, got " + axis);
        int n = 0;
        for (CachedCase c : cases) {
            if (c.channels() != cases.get(0).channels()) {
                throw new IllegalArgumentException(c.file() + " has " + c.channels() + " channels, " + cases.get(0).file() + " " + cases.get(0).channels());
            }
            int a = c.dimensions() == 2 ? 2 : axis;
            for (int i = 0; i < c.shape()[a]; i++) if (!foregroundOnly || c.sliceForeground(a, i) > 0) n++;
        }
        int[] caseOf = new int[n], sliceOf = new int[n];
        n = 0;
        for (int k = 0; k < cases.size(); k++) {
            CachedCase c = cases.get(k);
            int a = c.dimensions() == 2 ? 2 : axis;
            for (int i = 0; i < c.shape()[a]; i++) {
                if (!foregroundOnly || c.sliceForeground(a, i) > 0) { caseOf[n] = k; sliceOf[n] = i; n++; }
            }
        }
        return new CachedSlices(name, List.copyOf(ids), List.copyOf(cases), axis, caseOf, sliceOf, new ConcurrentHashMap<>());
    }

    /**
     * The slices at {@code positions} of this list, in that order (a view sharing the mapped cases).
     *
     * @param positions indices into this list
     * @return the selection
     */
    @Override public CachedSlices select(int[] positions) {
        int[] c = new int[positions.length], s = new int[positions.length];
        for (int i = 0; i < positions.length; i++) { c[i] = caseOf[positions[i]]; s[i] = sliceOf[positions[i]]; }
        return new CachedSlices(name, ids, cases, axis, c, s, regrouped);
    }

    @Override public int size() { return caseOf.length; }

    @Override public Sample get(int i) {
        CachedCase c = caseAt(i);
        String id = c.dimensions() == 2 ? name + "/" + ids.get(caseOf[i])
                : String.format(Locale.ROOT, "%s/%s/%c%03d", name, ids.get(caseOf[i]), "xyz".charAt(axis), sliceOf[i]);
        return c.slice(id, axisAt(i), sliceOf[i]);
    }

    /**
     * The case slice {@code i} comes from.
     *
     * @param i a position in this list
     * @return the case
     */
    @Override public CachedCase caseAt(int i) { return cases.get(caseOf[i]); }

    /**
     * The axis slice {@code i} is normal to (2 for a 2D case).
     *
     * @param i a position in this list
     * @return the axis
     */
    public int axisAt(int i) { return caseAt(i).dimensions() == 2 ? 2 : axis; }

    /**
     * The position of slice {@code i} along its axis.
     *
     * @param i a position in this list
     * @return the slice index
     */
    public int sliceAt(int i) { return sliceOf[i]; }

    /**
     * The number of input channels.
     *
     * @return the channel count of every case, 0 for a list of no case
     */
    @Override public int channels() { return cases.isEmpty() ? 0 : cases.get(0).channels(); }

    /**
     * Foreground voxels of slice {@code i}.
     *
     * @param i a position in this list
     * @return the count
     */
    public int foregroundCount(int i) { return caseAt(i).sliceForeground(axisAt(i), sliceOf[i]); }

    /**
     * The in-slice flat index {@code u + nu v} of foreground voxel {@code j} of slice {@code i}, ascending in {@code j}
     * (the order of the foreground list of the slice cut in memory).
     *
     * @param i a position in this list
     * @param j 0 .. foregroundCount(i) - 1
     * @return the in-slice index
     */
    public int foregroundAt(int i, int j) {
        CachedCase c = caseAt(i);
        int a = axisAt(i), s = sliceOf[i];
        int[] sh = c.shape();
        int v;
        if (a == 2) {
            v = c.foregroundVoxel(c.zForegroundStart(s) + j);
        } else {
            int[][] g = regrouped.computeIfAbsent(caseOf[i], k -> regroup(c, a));
            v = g[1][g[0][s] + j];
        }
        int x = v % sh[0], y = (v / sh[0]) % sh[1], z = v / (sh[0] * sh[1]);
        return switch (a) {
            case 0 -> y + sh[1] * z;
            case 1 -> x + sh[0] * z;
            default -> x + sh[0] * y;
        };
    }

    /** The foreground list grouped by slice along {@code a} (stable, so ascending within a slice): starts, voxels. */
    private static int[][] regroup(CachedCase c, int a) {
        int[] sh = c.shape();
        int n = sh[a];
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) start[i + 1] = start[i] + c.sliceForeground(a, i);
        int[] next = java.util.Arrays.copyOf(start, n);
        int[] out = new int[Math.toIntExact(c.foregroundCount())];
        for (long j = 0; j < c.foregroundCount(); j++) {
            int v = c.foregroundVoxel(j);
            int coord = a == 0 ? v % sh[0] : (v / sh[0]) % sh[1];
            out[next[coord]++] = v;
        }
        return new int[][] {start, out};
    }
}
