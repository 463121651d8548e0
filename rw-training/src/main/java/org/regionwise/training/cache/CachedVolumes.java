package org.regionwise.training.cache;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;

/**
 * Whole memory-mapped cases as an immutable {@code List<Sample>} for 3D training: {@link #get(int)} decodes a case
 * into the heap (validation predicts it whole), while the 3D training pipeline reads its patches from
 * {@link #caseAt} straight from the mapped file, without decoding the case. Ids are {@code NAME/CASE}, as the
 * in-memory loader gives them.
 */
public final class CachedVolumes extends AbstractList<Sample> implements MappedCases, RandomAccess {
    private final String name;
    private final List<String> ids;
    private final List<CachedCase> cases;

    private CachedVolumes(String name, List<String> ids, List<CachedCase> cases) {
        this.name = name;
        this.ids = ids;
        this.cases = cases;
    }

    /**
     * The volumes of {@code cases}.
     *
     * @param name the dataset name, the ids' prefix
     * @param ids the case ids, parallel to {@code cases}
     * @param cases the opened cases (all with the same channel count)
     * @return the list
     */
    public static CachedVolumes of(String name, List<String> ids, List<CachedCase> cases) {
        Objects.requireNonNull(name, "name");
        if (ids.size() != cases.size()) throw new IllegalArgumentException(ids.size() + " ids for " + cases.size() + " cases");
        for (CachedCase c : cases) {
            if (c.channels() != cases.get(0).channels()) {
                throw new IllegalArgumentException(c.file() + " has " + c.channels() + " channels, " + cases.get(0).file() + " " + cases.get(0).channels());
            }
        }
        return new CachedVolumes(name, List.copyOf(ids), List.copyOf(cases));
    }

    /**
     * The volumes at {@code positions} of this list, in that order (sharing the mapped cases).
     *
     * @param positions indices into this list
     * @return the selection
     */
    @Override public CachedVolumes select(int[] positions) {
        List<String> i = new ArrayList<>();
        List<CachedCase> c = new ArrayList<>();
        for (int p : positions) { i.add(ids.get(p)); c.add(cases.get(p)); }
        return new CachedVolumes(name, List.copyOf(i), List.copyOf(c));
    }

    @Override public int size() { return cases.size(); }

    @Override public Sample get(int i) {
        CachedCase c = cases.get(i);
        int[] sh = c.shape();
        Grid g = c.dimensions() == 2 ? Grid.of(new int[] {sh[0], sh[1]}, new double[] {c.spacing()[0], c.spacing()[1]})
                : Grid.of(sh, c.spacing());
        int[] low = {0, 0, 0};
        List<FloatImage> imgs = new ArrayList<>(c.channels());
        for (int ch = 0; ch < c.channels(); ch++) {
            float[] v = new float[g.voxelCount()];
            c.readPatch(ch, low, sh, 0f, v);
            imgs.add(new FloatImage(g, v));
        }
        int[] lab = new int[g.voxelCount()];
        c.readLabels(low, sh, lab);
        return new Sample(name + "/" + ids.get(i), imgs, new LabelImage(g, lab));
    }

    /**
     * Case {@code i}.
     *
     * @param i a position in this list
     * @return the mapped case
     */
    @Override public CachedCase caseAt(int i) { return cases.get(i); }

    @Override public int channels() { return cases.isEmpty() ? 0 : cases.get(0).channels(); }
}
