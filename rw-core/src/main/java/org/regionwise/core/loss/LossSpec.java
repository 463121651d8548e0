package org.regionwise.core.loss;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.regionwise.core.map.MapSpec;

/**
 * An immutable description of a segmentation loss on logits {@code s} ({@code [B, spatial, K]}) and labels.
 * Build instances with {@link Losses}. Softmax is over the class axis; means are over all averaged elements.
 */
public sealed interface LossSpec {

    /**
     * Short stable name for configuration, logs and reports.
     *
     * @return the id
     */
    String id();

    /**
     * Every region-wise map this loss needs fed per batch (empty for CE, Dice, ...).
     *
     * @return the maps, in the order the loss takes them
     */
    default List<MapSpec> maps() { return List.of(); }

    /**
     * RW loss {@code mean_{b,k,i}(softmax(s)_{b,k,i} Z_{b,k,i})} with {@code Z} from {@code map}.
     *
     * @param map the RW map
     */
    record RegionWise(MapSpec map) implements LossSpec {
        /**
         * Checks that there is a map.
         *
         * @param map the RW map
         */
        public RegionWise { Objects.requireNonNull(map, "map"); }
        @Override public String id() { return map.id(); }
        @Override public List<MapSpec> maps() { return List.of(map); }
    }

    /** Cross-entropy {@code -mean_{b,i} sum_k y log p}. */
    record CrossEntropy() implements LossSpec {
        @Override public String id() { return "ce"; }
    }

    /**
     * Weighted cross-entropy {@code -sum_{b,i} w_{y_i} log p_{y_i} / sum_{b,i} w_{y_i}} (normalised by the sum of the
     * voxel weights; 0 when that sum is 0).
     *
     * @param weighting the class weights
     */
    record WeightedCrossEntropy(ClassWeighting weighting) implements LossSpec {
        /**
         * Checks that there is a weighting.
         *
         * @param weighting the class weights
         */
        public WeightedCrossEntropy { Objects.requireNonNull(weighting, "weighting"); }
        @Override public String id() { return "wce"; }
    }

    /**
     * Focal loss {@code -mean_{b,i} alpha (1 - p_y)^gamma log p_y} (Lin et al. 2017).
     *
     * @param gamma the focusing exponent, at least 0
     * @param alpha the scale, above 0
     */
    record Focal(double gamma, double alpha) implements LossSpec {
        /**
         * Checks {@code gamma >= 0} and {@code alpha > 0}.
         *
         * @param gamma the focusing exponent, at least 0
         * @param alpha the scale, above 0
         */
        public Focal {
            if (!(gamma >= 0) || !(alpha > 0)) throw new IllegalArgumentException("focal needs gamma >= 0 and alpha > 0, got gamma=" + gamma + ", alpha=" + alpha);
        }
        @Override public String id() { return "focal"; }
    }

    /**
     * Soft Dice loss {@code 1 - mean_c (2 sum p y + smooth) / (sum p + sum y + smooth)}.
     *
     * @param smooth added to numerator and denominator, at least 0
     * @param includeBackground whether class 0 counts
     * @param batchDice whether sums run over the whole batch instead of per image
     */
    record Dice(double smooth, boolean includeBackground, boolean batchDice) implements LossSpec {
        /**
         * Checks {@code smooth >= 0}.
         *
         * @param smooth added to numerator and denominator, at least 0
         * @param includeBackground whether class 0 counts
         * @param batchDice whether sums run over the whole batch instead of per image
         */
        public Dice { if (!(smooth >= 0)) throw new IllegalArgumentException("dice smoothing must be >= 0, got " + smooth); }
        @Override public String id() { return "dice"; }
    }

    /**
     * Generalized Dice loss (Sudre et al. 2017) with weights {@code 1 / (sum y)^2}, per image and averaged over the
     * batch; a class absent from an image takes the largest weight of the image's present classes (see
     * {@code org.regionwise.core.loss.reference.ReferenceLoss}).
     *
     * @param smooth added to numerator and denominator, at least 0
     * @param includeBackground whether class 0 counts
     */
    record GeneralizedDice(double smooth, boolean includeBackground) implements LossSpec {
        /**
         * Checks {@code smooth >= 0}.
         *
         * @param smooth added to numerator and denominator, at least 0
         * @param includeBackground whether class 0 counts
         */
        public GeneralizedDice { if (!(smooth >= 0)) throw new IllegalArgumentException("smoothing must be >= 0, got " + smooth); }
        @Override public String id() { return "gdl"; }
    }

    /**
     * Boundary loss (Kervadec et al. 2019): {@code mean(softmax * phi)} with the Kervadec signed distance map.
     *
     * @param map the signed distance map
     */
    record Boundary(MapSpec map) implements LossSpec {
        /**
         * Checks that there is a map.
         *
         * @param map the signed distance map
         */
        public Boundary { Objects.requireNonNull(map, "map"); }
        @Override public String id() { return "boundary"; }
        @Override public List<MapSpec> maps() { return List.of(map); }
    }

    /**
     * {@code sum_t w_t L_t}; "Equal" combinations are weights 1 and 1.
     *
     * @param terms at least one weighted loss
     */
    record WeightedSum(List<Term> terms) implements LossSpec {
        /**
         * Copies the terms and checks that there is at least one.
         *
         * @param terms at least one weighted loss
         */
        public WeightedSum {
            terms = List.copyOf(terms);
            if (terms.isEmpty()) throw new IllegalArgumentException("a weighted sum needs at least one loss");
        }
        @Override public String id() {
            StringBuilder b = new StringBuilder();
            for (Term t : terms) {
                if (b.length() > 0) b.append('+');
                if (t.weight() != 1) b.append(t.weight()).append('*');
                b.append(t.loss().id());
            }
            return b.toString();
        }
        @Override public List<MapSpec> maps() {
            List<MapSpec> m = new ArrayList<>();
            for (Term t : terms) m.addAll(t.loss().maps());
            return List.copyOf(m);
        }
    }

    /**
     * One term of a {@link WeightedSum}.
     *
     * @param weight a finite weight
     * @param loss the loss
     */
    record Term(double weight, LossSpec loss) {
        /**
         * Checks that the weight is finite and that there is a loss.
         *
         * @param weight a finite weight
         * @param loss the loss
         */
        public Term {
            if (!Double.isFinite(weight)) throw new IllegalArgumentException("loss weight must be finite, got " + weight);
            Objects.requireNonNull(loss, "loss");
        }
    }

    /**
     * Gradual combination {@code alpha(e) first + (1 - alpha(e)) second}.
     *
     * @param first weighted alpha(e)
     * @param second weighted 1 - alpha(e)
     * @param schedule alpha per epoch
     */
    record Gradual(LossSpec first, LossSpec second, AlphaSchedule schedule) implements LossSpec {
        /**
         * Checks that both losses and the schedule are given.
         *
         * @param first weighted alpha(e)
         * @param second weighted 1 - alpha(e)
         * @param schedule alpha per epoch
         */
        public Gradual {
            Objects.requireNonNull(first, "first"); Objects.requireNonNull(second, "second"); Objects.requireNonNull(schedule, "schedule");
        }
        @Override public String id() { return "gradual(" + first.id() + "," + second.id() + ")"; }
        @Override public List<MapSpec> maps() {
            List<MapSpec> m = new ArrayList<>(first.maps());
            m.addAll(second.maps());
            return List.copyOf(m);
        }
    }
}
