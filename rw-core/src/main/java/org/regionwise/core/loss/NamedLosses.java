package org.regionwise.core.loss;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The losses of the paper under the short names used by configuration, the command line and Guice
 * ({@code MapBinder<String, LossSpec>}). Gradual combinations follow the paper's classes: {@code gradual-rrw-ce} is
 * {@code alpha(e) CE + (1 - alpha(e)) RRW} ({@code RWGradualCELoss}), {@code boundary-dice} is
 * {@code alpha(e) Dice + (1 - alpha(e)) Boundary} ({@code BoundaryDiceLoss}); {@code a+b} is the "Equal" sum.
 *
 * <p>{@link #parse(String)} also reads combinations of any names: {@code a+b+...} ({@code L_a + L_b + ...}, terms in
 * the written order) and {@code gradual:a,b} ({@code alpha(e) L_a + (1 - alpha(e)) L_b},
 * {@code alpha(e) = max((100 - e)/100, 0.01)}), e.g. {@code parse("gradual:dice,rrw+ce")}, and
 * {@code gradual@STEP:a,b} with {@code alpha(e) = max(1 - STEP e, 0.01)} (e.g. {@code gradual@0.1:ce,rrw} hands over
 * from CE to RRW in 10 epochs: the paper's schedule scaled to a short run). The named combinations
 * in {@link #all()} are exactly what {@code parse} makes of their names.
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
        m.put("rrw-balanced", Losses.regionWise(org.regionwise.core.map.Maps.frequencyBalanced()));
        m.put("ac", Losses.regionWise(org.regionwise.core.map.Maps.activeContour()));
        m.put("rrw+ce", Losses.equal(rrw, Losses.crossEntropy()));
        m.put("rrw+dice", Losses.equal(rrw, Losses.dice()));
        m.put("boundary+ce", Losses.equal(boundary, Losses.crossEntropy()));
        m.put("boundary+dice", Losses.equal(boundary, Losses.dice()));
        m.put("gradual-rrw-ce", Losses.gradual(Losses.crossEntropy(), rrw));
        m.put("gradual-rrw-dice", Losses.gradual(Losses.dice(), rrw));
        m.put("gradual-boundary-ce", Losses.gradual(Losses.crossEntropy(), boundary));
        return Collections.unmodifiableMap(m);
    }

    /**
     * Every named loss, in a stable order.
     *
     * @return the losses by name
     */
    public static Map<String, LossSpec> all() { return ALL; }

    /**
     * The loss called exactly {@code name}; an unknown name throws an exception that lists the known ones.
     *
     * @param name a name of {@link #all()}
     * @return the loss
     */
    public static LossSpec get(String name) {
        LossSpec spec = ALL.get(name);
        if (spec == null) throw new IllegalArgumentException("unknown loss '" + name + "'; known: " + known());
        return spec;
    }

    /**
     * The loss that {@code expression} names: a name of {@link #all()} (case and surrounding blanks ignored),
     * {@code a+b+...} (the sum of the terms, in order) or {@code gradual:a,b}; terms may themselves be combinations
     * ({@code gradual:dice,rrw+ce} is {@code alpha(e) Dice + (1 - alpha(e)) (RRW + CE)}).
     *
     * @param expression a name or combination
     * @return the loss
     * @throws IllegalArgumentException naming the part that is not understood and listing the known names
     */
    public static LossSpec parse(String expression) { return parse(expression, ALL); }

    /**
     * {@link #parse(String)} over another registry of names, e.g. Guice's {@code Map<String, LossSpec>} with the
     * losses other modules contributed: {@code names} keys are matched in lower case.
     *
     * @param expression a name or combination
     * @param names the losses by name
     * @return the loss
     */
    public static LossSpec parse(String expression, Map<String, LossSpec> names) {
        String n = expression.trim().toLowerCase(Locale.ROOT);
        LossSpec named = names.get(n);
        if (named != null) return named;
        if (n.startsWith("gradual:") || n.startsWith("gradual@")) {
            AlphaSchedule schedule = AlphaSchedule.paper();
            int colon = n.indexOf(':');
            if (n.startsWith("gradual@")) {
                String step = colon < 0 ? "" : n.substring("gradual@".length(), colon);
                double v;
                try {
                    v = Double.parseDouble(step);
                } catch (NumberFormatException e) {
                    v = Double.NaN;
                }
                if (!(v > 0 && v <= 1)) {
                    throw new IllegalArgumentException("bad gradual step '" + step + "' in '" + expression
                            + "': write gradual@STEP:first,second with 0 < STEP <= 1, e.g. gradual@0.1:ce,rrw");
                }
                schedule = new AlphaSchedule(1.0, v, 0.01);
            }
            String[] parts = n.substring(colon + 1).split(",", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("bad gradual combination '" + expression + "': write gradual:first,second, e.g. gradual:dice,rrw");
            }
            return new LossSpec.Gradual(parse(parts[0], names), parse(parts[1], names), schedule);
        }
        if (n.contains("+")) {
            List<LossSpec.Term> terms = new ArrayList<>();
            for (String p : n.split("\\+", -1)) {
                if (p.isBlank()) throw new IllegalArgumentException("bad combination '" + expression + "': empty term, write e.g. rrw+ce");
                terms.add(new LossSpec.Term(1, parse(p, names)));
            }
            return new LossSpec.WeightedSum(terms);
        }
        throw new IllegalArgumentException("unknown loss '" + expression.trim() + "'; known: " + known(names));
    }

    /**
     * One line listing the names and the combination syntax that {@link #parse(String)} accepts.
     *
     * @return the line
     */
    public static String known() { return known(ALL); }

    private static String known(Map<String, LossSpec> registry) {
        List<String> names = new ArrayList<>(registry.keySet());
        names.removeIf(e -> e.contains("+"));
        return String.join(", ", names) + "; combinations a+b, gradual:a,b, gradual@STEP:a,b";
    }
}
