package org.regionwise.maps;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.map.RegionWiseMap;
import org.regionwise.maps.internal.MapSupport;

/**
 * A weighted sum of RW maps, {@code Z = sum_t a_t Z_t} (the RW loss is linear in {@code Z}, so this is the loss
 * {@code sum_t a_t L_RW(Z_t)}). Stability is not automatic: with non-negative weights, a sum of maps that each keep
 * the ordering keeps it too, and a sum of bounded maps is bounded by {@code sum_t |a_t| * bound_t}.
 */
public final class WeightedMap implements RegionWiseMap {
    /**
     * One term {@code weight * map}.
     *
     * @param weight a finite weight
     * @param map the map
     */
    public record Term(double weight, RegionWiseMap map) {
        /**
         * Checks that the weight is finite and that there is a map.
         *
         * @param weight a finite weight
         * @param map the map
         */
        public Term {
            if (!Double.isFinite(weight)) throw new IllegalArgumentException("weighted map: term weight must be finite, got " + weight);
            Objects.requireNonNull(map, "map");
        }
    }

    private final List<Term> terms;

    /**
     * The sum of the weighted terms.
     *
     * @param terms at least one term
     */
    public WeightedMap(List<Term> terms) {
        this.terms = List.copyOf(terms);
        if (this.terms.isEmpty()) throw new IllegalArgumentException("weighted map needs at least one term");
    }

    @Override
    public ClassMaps compute(LabelImage labels, int classes) {
        MapSupport.checkInput(labels, classes, "weighted map");
        int n = labels.grid().voxelCount();
        float[][] sum = new float[classes][n];
        for (int t = 0; t < terms.size(); t++) {
            Term term = terms.get(t);
            ClassMaps z = RegionWiseMaps.checkedCompute(term.map(), labels, classes, "term " + t + " of the weighted map");
            float a = (float) term.weight();
            for (int k = 0; k < classes; k++) {
                float[] s = sum[k];
                float[] zk = z.data(k);
                for (int i = 0; i < n; i++) s[i] += a * zk[i];
            }
        }
        return new ClassMaps(labels.grid(), sum);
    }

    /**
     * The terms.
     *
     * @return the terms, in order
     */
    public List<Term> terms() { return terms; }

    @Override public String toString() { return "WeightedMap" + new ArrayList<>(terms); }
}
