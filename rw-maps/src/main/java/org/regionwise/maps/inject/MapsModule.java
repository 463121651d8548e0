package org.regionwise.maps.inject;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import java.util.List;
import org.regionwise.core.map.DistanceUnits;
import org.regionwise.core.map.MapSpec;
import org.regionwise.core.map.Maps;

/**
 * Contributes the named maps of this module to {@code MapBinder<String, MapSpec>} (other modules may add entries to
 * the same binder):
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
 *   your own {@link Maps#classBalanced(double...)} and bind it under another name</td></tr>
 *   <tr><td>{@code rrw-balanced}</td><td>{@link Maps#frequencyBalanced()}: RRW with each voxel scaled by
 *   {@code n_min / n_c} from its image's label counts (any K)</td></tr>
 *   <tr><td>{@code unet-border}</td><td>{@link Maps#unetBorder()}: w0 = 10, sigma = 5 voxels</td></tr>
 * </table>
 *
 * Turn a spec into a map with {@code RegionWiseMaps.create(spec)}.
 */
public final class MapsModule extends AbstractModule {
    /** The outside values of the {@code class-balanced} entry, {@code [background, foreground]}. */
    public static final List<Double> DEFAULT_CLASS_BALANCE = List.of(0.95, 0.05);

    @Override
    protected void configure() {
        MapBinder<String, MapSpec> maps = MapBinder.newMapBinder(binder(), String.class, MapSpec.class);
        maps.addBinding("rrw").toInstance(Maps.rectified());
        maps.addBinding("boundary").toInstance(Maps.boundary());
        maps.addBinding("boundary-kervadec").toInstance(Maps.boundaryKervadec());
        maps.addBinding("ac").toInstance(Maps.activeContour());
        maps.addBinding("class-balanced").toInstance(new MapSpec.ClassBalanced(DEFAULT_CLASS_BALANCE, DistanceUnits.VOXELS));
        maps.addBinding("rrw-balanced").toInstance(Maps.frequencyBalanced());
        maps.addBinding("unet-border").toInstance(Maps.unetBorder());
    }
}
