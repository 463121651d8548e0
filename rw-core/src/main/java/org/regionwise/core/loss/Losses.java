package org.regionwise.core.loss;

import java.util.ArrayList;
import java.util.List;
import org.regionwise.core.map.MapSpec;
import org.regionwise.core.map.Maps;

/** Factory of {@link LossSpec} descriptions, with the paper's defaults. */
public final class Losses {
    private Losses() {}

    /**
     * The RW loss with the given map, e.g. {@code regionWise(Maps.rectified())}.
     *
     * @param map the RW map
     * @return the loss
     */
    public static LossSpec regionWise(MapSpec map) { return new LossSpec.RegionWise(map); }

    /**
     * The RW loss with the rectified map (RRW), the paper's proposal.
     *
     * @return the loss
     */
    public static LossSpec rectifiedRegionWise() { return regionWise(Maps.rectified()); }

    /**
     * Cross-entropy.
     *
     * @return the loss
     */
    public static LossSpec crossEntropy() { return new LossSpec.CrossEntropy(); }

    /**
     * Weighted CE with inverse class-frequency weights.
     *
     * @return the loss
     */
    public static LossSpec weightedCrossEntropy() { return new LossSpec.WeightedCrossEntropy(new ClassWeighting.InverseFrequency()); }

    /**
     * Weighted CE with fixed class weights.
     *
     * @param weights one weight per class, index = label
     * @return the loss
     */
    public static LossSpec weightedCrossEntropy(double... weights) {
        List<Double> w = new ArrayList<>();
        for (double v : weights) w.add(v);
        return new LossSpec.WeightedCrossEntropy(new ClassWeighting.Given(w));
    }

    /**
     * Focal loss with gamma = 2, alpha = 1 (the paper's baseline).
     *
     * @return the loss
     */
    public static LossSpec focal() { return new LossSpec.Focal(2, 1); }

    /**
     * Focal loss {@code -alpha (1 - p)^gamma log p}.
     *
     * @param gamma the focusing exponent, at least 0
     * @param alpha the scale, above 0
     * @return the loss
     */
    public static LossSpec focal(double gamma, double alpha) { return new LossSpec.Focal(gamma, alpha); }

    /**
     * Soft Dice, per image, background included, smoothing 1e-6 (the paper's baseline).
     *
     * @return the loss
     */
    public static LossSpec dice() { return new LossSpec.Dice(1e-6, true, false); }

    /**
     * Soft Dice with explicit settings.
     *
     * @param smooth the smoothing added to numerator and denominator, at least 0
     * @param includeBackground whether class 0 counts
     * @param batchDice whether sums run over the whole batch instead of per image
     * @return the loss
     */
    public static LossSpec dice(double smooth, boolean includeBackground, boolean batchDice) {
        return new LossSpec.Dice(smooth, includeBackground, batchDice);
    }

    /**
     * Generalized Dice, smoothing 1e-5, background excluded.
     *
     * @return the loss
     */
    public static LossSpec generalizedDice() { return new LossSpec.GeneralizedDice(1e-5, false); }

    /**
     * Boundary loss with Kervadec's map.
     *
     * @return the loss
     */
    public static LossSpec boundary() { return new LossSpec.Boundary(Maps.boundaryKervadec()); }

    /**
     * {@code first + second} ("Equal" combination).
     *
     * @param first the first term
     * @param second the second term
     * @return the sum
     */
    public static LossSpec equal(LossSpec first, LossSpec second) { return sum(1, first, 1, second); }

    /**
     * {@code a * first + b * second}.
     *
     * @param a the first weight
     * @param first the first term
     * @param b the second weight
     * @param second the second term
     * @return the weighted sum
     */
    public static LossSpec sum(double a, LossSpec first, double b, LossSpec second) {
        return new LossSpec.WeightedSum(List.of(new LossSpec.Term(a, first), new LossSpec.Term(b, second)));
    }

    /**
     * {@code alpha(e) first + (1 - alpha(e)) second} with the paper's schedule.
     *
     * @param first the loss that dominates early, weight alpha(e)
     * @param second the loss that takes over, weight 1 - alpha(e)
     * @return the combination
     */
    public static LossSpec gradual(LossSpec first, LossSpec second) { return new LossSpec.Gradual(first, second, AlphaSchedule.paper()); }

    /**
     * Boundary + Dice as in the paper: {@code alpha(e) Dice + (1 - alpha(e)) Boundary}.
     *
     * @return the loss
     */
    public static LossSpec boundaryDice() { return gradual(dice(), boundary()); }

    /**
     * {@code loss} with every distance-based map it uses measured in {@code units}: RRW, Boundary (both variants),
     * class- and frequency-balanced RRW, and the terms of weighted maps, inside weighted sums and Gradual schedules.
     * Active-Contour, U-Net border and custom maps are unchanged (their distances are defined in voxels or by their
     * own function); so are losses without maps. {@code rw train --physical-spacing} uses it with
     * {@link org.regionwise.core.map.DistanceUnits#PHYSICAL}: the maps then follow each image's spacing in mm.
     *
     * @param loss the loss
     * @param units voxels (the paper) or mm
     * @return the loss with its maps in {@code units}
     */
    public static LossSpec withDistanceUnits(LossSpec loss, org.regionwise.core.map.DistanceUnits units) {
        java.util.Objects.requireNonNull(units, "units");
        if (loss instanceof LossSpec.RegionWise r) return new LossSpec.RegionWise(withDistanceUnits(r.map(), units));
        if (loss instanceof LossSpec.Boundary b) return new LossSpec.Boundary(withDistanceUnits(b.map(), units));
        if (loss instanceof LossSpec.WeightedSum w) {
            List<LossSpec.Term> t = new ArrayList<>();
            for (LossSpec.Term term : w.terms()) t.add(new LossSpec.Term(term.weight(), withDistanceUnits(term.loss(), units)));
            return new LossSpec.WeightedSum(t);
        }
        if (loss instanceof LossSpec.Gradual g) {
            return new LossSpec.Gradual(withDistanceUnits(g.first(), units), withDistanceUnits(g.second(), units), g.schedule());
        }
        return loss;
    }

    /**
     * {@code map} measured in {@code units} (see {@link #withDistanceUnits(LossSpec, org.regionwise.core.map.DistanceUnits)}).
     *
     * @param map the map
     * @param units voxels or mm
     * @return the map in {@code units}
     */
    public static MapSpec withDistanceUnits(MapSpec map, org.regionwise.core.map.DistanceUnits units) {
        if (map instanceof MapSpec.Rectified) return new MapSpec.Rectified(units);
        if (map instanceof MapSpec.Boundary b) return new MapSpec.Boundary(b.variant(), units);
        if (map instanceof MapSpec.ClassBalanced c) return new MapSpec.ClassBalanced(c.outside(), units);
        if (map instanceof MapSpec.FrequencyBalanced) return new MapSpec.FrequencyBalanced(units);
        if (map instanceof MapSpec.Weighted w) {
            List<MapSpec.Term> t = new ArrayList<>();
            for (MapSpec.Term term : w.terms()) t.add(new MapSpec.Term(term.weight(), withDistanceUnits(term.map(), units)));
            return new MapSpec.Weighted(t);
        }
        return map;
    }
}
