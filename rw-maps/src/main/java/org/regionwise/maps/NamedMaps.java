package org.regionwise.maps;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.regionwise.core.map.DistanceUnits;
import org.regionwise.core.map.MapSpec;
import org.regionwise.core.map.Maps;

/**
 * The maps known by name, as {@code rw maps --map NAME} and Guice's {@code Map<String, MapSpec>} know them:
 *
 * <table>
 *   <caption>Named maps</caption>
 *   <tr><th>name</th><th>spec</th></tr>
 *   <tr><td>{@code rrw}</td><td>{@link Maps#rectified()}: RRW in voxel units, as the paper</td></tr>
 *   <tr><td>{@code boundary}</td><td>{@link Maps#boundary()}: the RW paper's boundary map, voxel units</td></tr>
 *   <tr><td>{@code boundary-kervadec}</td><td>{@link Maps#boundaryKervadec()}: Kervadec's map, mm</td></tr>
 *   <tr><td>{@code ac}</td><td>{@link Maps#activeContour()}: {@code 1 - Y}</td></tr>
 *   <tr><td>{@code class-balanced}</td><td>{@code Maps.classBalanced(0.95, 0.05)}: <b>binary segmentation
 *   only</b> (K = 2: background 0.95, foreground 0.05, the values of the RW author's later code); for K classes build
 *   your own {@link Maps#classBalanced(double...)}</td></tr>
 *   <tr><td>{@code rrw-balanced}</td><td>{@link Maps#frequencyBalanced()}: RRW with each voxel scaled by
 *   {@code n_min / n_c} from its image's label counts (any K)</td></tr>
 *   <tr><td>{@code unet-border}</td><td>{@link Maps#unetBorder()}: w0 = 10, sigma = 5 voxels</td></tr>
 * </table>
 *
 * A plain registry without Guice, so that a command that only needs a name pays for no injector; the Guice module
 * ({@code org.regionwise.maps.inject.MapsModule}) binds exactly these entries. Turn a spec into a map with
 * {@link RegionWiseMaps#create(MapSpec)}.
 */
public final class NamedMaps {
    /** The outside values of the {@code class-balanced} entry, {@code [background, foreground]}. */
    public static final List<Double> DEFAULT_CLASS_BALANCE = List.of(0.95, 0.05);

    private static final Map<String, MapSpec> ALL = all0();

    private NamedMaps() {}

    private static Map<String, MapSpec> all0() {
        Map<String, MapSpec> m = new LinkedHashMap<>();
        m.put("rrw", Maps.rectified());
        m.put("boundary", Maps.boundary());
        m.put("boundary-kervadec", Maps.boundaryKervadec());
        m.put("ac", Maps.activeContour());
        m.put("class-balanced", new MapSpec.ClassBalanced(DEFAULT_CLASS_BALANCE, DistanceUnits.VOXELS));
        m.put("rrw-balanced", Maps.frequencyBalanced());
        m.put("unet-border", Maps.unetBorder());
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * Every named map, in the order of the table above.
     *
     * @return the maps by name (unmodifiable)
     */
    public static Map<String, MapSpec> all() { return ALL; }

    /**
     * The map called exactly {@code name}.
     *
     * @param name a name of {@link #all()}
     * @return the spec
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static MapSpec get(String name) {
        MapSpec s = ALL.get(name);
        if (s == null) throw new IllegalArgumentException("unknown map '" + name + "'; choose one of " + String.join(", ", new TreeSet<>(ALL.keySet())));
        return s;
    }
}
