package org.regionwise.core.loss;

import java.util.ArrayList;
import java.util.List;
import org.regionwise.core.map.MapSpec;
import org.regionwise.core.map.Maps;

/** Factory of {@link LossSpec} descriptions, with the paper's defaults. */
public final class Losses {
    private Losses() {}

    /** The RW loss with the given map, e.g. {@code regionWise(Maps.rectified())}. */
    public static LossSpec regionWise(MapSpec map) { return new LossSpec.RegionWise(map); }

    /** The RW loss with the rectified map (RRW), the paper's proposal. */
    public static LossSpec rectifiedRegionWise() { return regionWise(Maps.rectified()); }

    public static LossSpec crossEntropy() { return new LossSpec.CrossEntropy(); }

    /** Weighted CE with inverse class-frequency weights. */
    public static LossSpec weightedCrossEntropy() { return new LossSpec.WeightedCrossEntropy(new ClassWeighting.InverseFrequency()); }

    /** Weighted CE with fixed class weights. */
    public static LossSpec weightedCrossEntropy(double... weights) {
        List<Double> w = new ArrayList<>();
        for (double v : weights) w.add(v);
        return new LossSpec.WeightedCrossEntropy(new ClassWeighting.Given(w));
    }

    /** Focal loss with gamma = 2, alpha = 1 (the paper's baseline). */
    public static LossSpec focal() { return new LossSpec.Focal(2, 1); }

    public static LossSpec focal(double gamma, double alpha) { return new LossSpec.Focal(gamma, alpha); }

    /** Soft Dice, per image, background included, smoothing 1e-6 (the paper's baseline). */
    public static LossSpec dice() { return new LossSpec.Dice(1e-6, true, false); }

    public static LossSpec dice(double smooth, boolean includeBackground, boolean batchDice) {
        return new LossSpec.Dice(smooth, includeBackground, batchDice);
    }

    /** Generalized Dice, smoothing 1e-5, background excluded. */
    public static LossSpec generalizedDice() { return new LossSpec.GeneralizedDice(1e-5, false); }

    /** Boundary loss with Kervadec's map. */
    public static LossSpec boundary() { return new LossSpec.Boundary(Maps.boundaryKervadec()); }

    /** {@code first + second} ("Equal" combination). */
    public static LossSpec equal(LossSpec first, LossSpec second) { return sum(1, first, 1, second); }

    /** {@code a * first + b * second}. */
    public static LossSpec sum(double a, LossSpec first, double b, LossSpec second) {
        return new LossSpec.WeightedSum(List.of(new LossSpec.Term(a, first), new LossSpec.Term(b, second)));
    }

    /** {@code alpha(e) first + (1 - alpha(e)) second} with the paper's schedule. */
    public static LossSpec gradual(LossSpec first, LossSpec second) { return new LossSpec.Gradual(first, second, AlphaSchedule.paper()); }

    /** Boundary + Dice as in the paper: {@code alpha(e) Dice + (1 - alpha(e)) Boundary}. */
    public static LossSpec boundaryDice() { return gradual(dice(), boundary()); }
}
