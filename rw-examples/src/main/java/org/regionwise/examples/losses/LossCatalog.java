package org.regionwise.examples.losses;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.regionwise.core.loss.LossSpec;
import org.regionwise.core.loss.NamedLosses;

/**
 * Loss names as typed on the command line, and the {@link LossSpec} each stands for.
 *
 * <p>Base names (the paper's comparison): {@code rrw} (rectified region-wise), {@code ce}, {@code wce} (inverse
 * class frequency), {@code focal} (gamma 2), {@code dice}, {@code gdl} (generalized Dice), {@code boundary}
 * (Kervadec's map) and {@code boundary-dice} ({@code alpha(e) Dice + (1 - alpha(e)) Boundary}).
 * Combinations: {@code a+b} is the paper's "Equal" combination {@code L_a + L_b}, and {@code gradual:a,b} is
 * {@code alpha(e) L_a + (1 - alpha(e)) L_b} with {@code alpha(e) = max((100 - e)/100, 0.01)}. Any other name of
 * rw-core's {@link NamedLosses} (e.g. {@code ac}, {@code gradual-rrw-dice}) is accepted too: parsing is
 * {@link NamedLosses#parse(String)}; this class adds the report's order and comma-separated lists.
 */
public final class LossCatalog {
    private LossCatalog() {}

    /** The paper's comparison, in the report's order; each name resolves through rw-core's {@link NamedLosses}. */
    private static final List<String> BASE = List.of("rrw", "ce", "wce", "focal", "dice", "gdl", "boundary", "boundary-dice");

    /**
     * The base loss names, in the report's order.
     *
     * @return the names
     */
    public static List<String> names() { return BASE; }

    /**
     * One line listing what {@link #parse(String)} accepts ({@link NamedLosses#known()}).
     *
     * @return the line
     */
    public static String known() { return NamedLosses.known(); }

    /**
     * The loss named {@code name}: {@link NamedLosses#parse(String)}, the same grammar as the Java and Kotlin APIs.
     *
     * @param name a name or combination
     * @return the loss
     * @throws IllegalArgumentException naming the unknown name and listing the known ones
     */
    public static LossSpec parse(String name) { return NamedLosses.parse(name); }

    /**
     * Parses a comma-separated list where {@code gradual:a,b} and {@code gradual@STEP:a,b} keep their comma: {@code
     * "rrw,ce,gradual:dice,rrw"}.
     *
     * @param list the comma-separated list
     * @return the names
     */
    public static List<String> splitList(String list) {
        List<String> out = new ArrayList<>();
        String[] parts = list.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.isEmpty()) continue;
            String lower = p.toLowerCase(Locale.ROOT);
            if ((lower.startsWith("gradual:") || lower.startsWith("gradual@")) && i + 1 < parts.length) {
                p = p + "," + parts[++i].trim();
            }
            out.add(p);
        }
        return out;
    }
}
