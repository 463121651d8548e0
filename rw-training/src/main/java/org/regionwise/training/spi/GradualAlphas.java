package org.regionwise.training.spi;

import java.util.ArrayList;
import java.util.List;
import org.regionwise.core.loss.AlphaSchedule;
import org.regionwise.core.loss.LossSpec;

/**
 * The alphas of the {@link LossSpec.Gradual} combinations of a loss, in pre-order: the vector fed to an engine's
 * step each epoch ({@code L = (1 - alpha) first + alpha second} per combination).
 */
public final class GradualAlphas {
    private GradualAlphas() {}

    /**
     * The schedules of every {@link LossSpec.Gradual} in {@code spec}, in the order of the alphas vector.
     *
     * @param spec the loss
     * @return the schedules
     */
    public static List<AlphaSchedule> schedules(LossSpec spec) {
        List<AlphaSchedule> out = new ArrayList<>();
        collect(spec, out);
        return out;
    }

    private static void collect(LossSpec spec, List<AlphaSchedule> out) {
        if (spec instanceof LossSpec.Gradual g) {
            out.add(g.schedule());
            collect(g.first(), out);
            collect(g.second(), out);
        } else if (spec instanceof LossSpec.WeightedSum s) {
            for (LossSpec.Term t : s.terms()) collect(t.loss(), out);
        }
    }

    /**
     * {@code alpha_g(epoch)} for every gradual combination of {@code spec}, in {@link #schedules} order.
     *
     * @param spec the loss
     * @param epoch the 0-based epoch
     * @return the alphas
     */
    public static double[] at(LossSpec spec, int epoch) {
        List<AlphaSchedule> s = schedules(spec);
        double[] a = new double[s.size()];
        for (int i = 0; i < a.length; i++) a[i] = s.get(i).alpha(epoch);
        return a;
    }
}
