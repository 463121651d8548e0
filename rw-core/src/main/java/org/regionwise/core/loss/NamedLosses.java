package org.regionwise.core.loss;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The losses of the paper under the short names used by configuration, the command line and Guice
 * ({@code MapBinder<String, LossSpec>}). Gradual combinations follow the paper's classes: {@code gradual-rrw-ce} is
 * {@code alpha(e) CE + (1 - alpha(e)) RRW} ({@code RWGradualCELoss}), {@code boundary-dice} is
 * {@code alpha(e) Dice + (1 - alpha(e)) Boundary} ({@code BoundaryDiceLoss}); {@code a+b} is the "Equal" sum.
 */
public final class NamedLosses {
    private static final Map<String, LossSpec> ALL = create();

    private NamedLosses() {}

    private static Map<String, LossSpec> create() {
        LossSpec rrw = Losses.rectifiedRegionWise();
        LossSpec boundary = Losses.boundary();
        Map<String, LossSpec> m = new LinkedHashMap<>();
        m.put("rrw", rrw);
        m.put("ce", Losses.crossEntropy());
        m.put("wce", Losses.weightedCrossEntropy());
        m.put("focal", Losses.focal());
        m.put("dice", Losses.dice());
        m.put("gdl", Losses.generalizedDice());
        m.put("boundary", boundary);
        m.put("boundary-dice", Losses.boundaryDice());
        m.put("ac", Losses.regionWise(org.regionwise.core.map.Maps.activeContour()));
        m.put("rrw+ce", Losses.equal(Losses.crossEntropy(), rrw));
        m.put("rrw+dice", Losses.equal(Losses.dice(), rrw));
        m.put("boundary+ce", Losses.equal(Losses.crossEntropy(), boundary));
        m.put("boundary+dice", Losses.equal(Losses.dice(), boundary));
        m.put("gradual-rrw-ce", Losses.gradual(Losses.crossEntropy(), rrw));
        m.put("gradual-rrw-dice", Losses.gradual(Losses.dice(), rrw));
        m.put("gradual-boundary-ce", Losses.gradual(Losses.crossEntropy(), boundary));
        return Collections.unmodifiableMap(m);
    }

    /** Every named loss, in a stable order. */
    public static Map<String, LossSpec> all() { return ALL; }

    /** The loss called {@code name}; an unknown name throws an exception that lists the known ones. */
    public static LossSpec get(String name) {
        LossSpec spec = ALL.get(name);
        if (spec == null) throw new IllegalArgumentException("unknown loss '" + name + "'; known losses: " + String.join(", ", ALL.keySet()));
        return spec;
    }
}
