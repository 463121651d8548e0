package org.regionwise.core.loss.reference;

import java.util.ArrayList;
import java.util.List;
import org.regionwise.core.loss.LossSpec;

/** Builds the reference of a {@link LossSpec}; combinations hand each term its own slice of the batch's maps. */
final class ReferenceLosses {
    private ReferenceLosses() {}

    static ReferenceLoss create(LossSpec spec) {
        if (spec instanceof LossSpec.RegionWise || spec instanceof LossSpec.Boundary) return new MapProductReference();
        if (spec instanceof LossSpec.CrossEntropy) return new CrossEntropyReference();
        if (spec instanceof LossSpec.WeightedCrossEntropy w) return new WeightedCrossEntropyReference(w.weighting());
        if (spec instanceof LossSpec.Focal f) return new FocalReference(f.gamma(), f.alpha());
        if (spec instanceof LossSpec.Dice d) return new DiceReference(d.smooth(), d.includeBackground(), d.batchDice());
        if (spec instanceof LossSpec.GeneralizedDice d) return new GeneralizedDiceReference(d.smooth(), d.includeBackground());
        if (spec instanceof LossSpec.WeightedSum sum) {
            List<Double> weights = new ArrayList<>();
            List<LossSpec> parts = new ArrayList<>();
            for (LossSpec.Term t : sum.terms()) { weights.add(t.weight()); parts.add(t.loss()); }
            return combination(parts, epoch -> weights);
        }
        if (spec instanceof LossSpec.Gradual gr) {
            return combination(List.of(gr.first(), gr.second()), epoch -> {
                double a = gr.schedule().alpha(epoch);
                return List.of(a, 1 - a);
            });
        }
        throw new IllegalArgumentException("no reference for loss " + spec.id() + " (" + spec.getClass().getSimpleName() + ")");
    }

    /** Weights of the terms of a combination at a 0-based epoch. */
    private interface TermWeights { List<Double> at(int epoch); }

    /** {@code sum_t w_t(e) L_t}, term t reading maps {@code [offset_t, offset_t + |maps_t|)}. */
    private static ReferenceLoss combination(List<LossSpec> parts, TermWeights termWeights) {
        List<ReferenceLoss> refs = new ArrayList<>();
        int[] offsets = new int[parts.size() + 1];
        for (int t = 0; t < parts.size(); t++) {
            refs.add(create(parts.get(t)));
            offsets[t + 1] = offsets[t] + parts.get(t).maps().size();
        }
        return batch -> {
            List<Double> w = termWeights.at(batch.epoch());
            double value = 0;
            double[] grad = new double[batch.size()];
            for (int t = 0; t < refs.size(); t++) {
                double wt = w.get(t);
                LossValue part = refs.get(t).evaluate(batch.withMaps(batch.maps().subList(offsets[t], offsets[t + 1])));
                value += wt * part.value();
                double[] pg = part.gradient();
                for (int j = 0; j < grad.length; j++) grad[j] += wt * pg[j];
            }
            return new LossValue(value, grad);
        };
    }
}
