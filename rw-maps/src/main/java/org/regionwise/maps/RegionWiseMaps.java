package org.regionwise.maps;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.map.MapSpec;
import org.regionwise.core.map.RegionWiseMap;
import org.regionwise.maps.distance.EuclideanDistanceTransform;

/**
 * Turns a {@link MapSpec} description into the {@link RegionWiseMap} that computes it.
 *
 * <pre>{@code
 * RegionWiseMap rrw = RegionWiseMaps.create(Maps.rectified());
 * ClassMaps z = rrw.compute(labels, 4);
 * }</pre>
 *
 * <table>
 *   <caption>Specs and implementations</caption>
 *   <tr><th>spec</th><th>map</th></tr>
 *   <tr><td>{@link MapSpec.Rectified}</td><td>{@link RectifiedRegionWiseMap}</td></tr>
 *   <tr><td>{@link MapSpec.Boundary}</td><td>{@link BoundaryDistanceMap}</td></tr>
 *   <tr><td>{@link MapSpec.ActiveContour}</td><td>{@link ActiveContourMap}</td></tr>
 *   <tr><td>{@link MapSpec.ClassBalanced}</td><td>{@link ClassBalancedRegionWiseMap}</td></tr>
 *   <tr><td>{@link MapSpec.FrequencyBalanced}</td><td>{@link FrequencyBalancedRegionWiseMap}</td></tr>
 *   <tr><td>{@link MapSpec.UNetBorder}</td><td>{@link UNetBorderMap}</td></tr>
 *   <tr><td>{@link MapSpec.Weighted}</td><td>{@link WeightedMap}</td></tr>
 *   <tr><td>{@link MapSpec.Custom}</td><td>the user's function, its output shape checked</td></tr>
 * </table>
 */
public final class RegionWiseMaps {
    private RegionWiseMaps() {}

    /**
     * The map for {@code spec}; distance transforms use every core.
     *
     * @param spec the map's description
     * @return the map
     */
    public static RegionWiseMap create(MapSpec spec) {
        return create(spec, EuclideanDistanceTransform.create());
    }

    /**
     * The map for {@code spec}, computing distances with {@code edt} (e.g. to limit its threads).
     *
     * @param spec the map's description
     * @param edt computes the distances
     * @return the map
     */
    public static RegionWiseMap create(MapSpec spec, EuclideanDistanceTransform edt) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(edt, "edt");
        if (spec instanceof MapSpec.Rectified r) return new RectifiedRegionWiseMap(r.units(), edt);
        if (spec instanceof MapSpec.Boundary b) return new BoundaryDistanceMap(b.variant(), b.units(), edt);
        if (spec instanceof MapSpec.ActiveContour) return new ActiveContourMap();
        if (spec instanceof MapSpec.ClassBalanced c) return new ClassBalancedRegionWiseMap(c.outside(), c.units(), edt);
        if (spec instanceof MapSpec.FrequencyBalanced f) return new FrequencyBalancedRegionWiseMap(f.units(), edt);
        if (spec instanceof MapSpec.UNetBorder u) return new UNetBorderMap(u.w0(), u.sigma(), edt);
        if (spec instanceof MapSpec.Weighted w) {
            List<WeightedMap.Term> terms = new ArrayList<>();
            for (MapSpec.Term t : w.terms()) terms.add(new WeightedMap.Term(t.weight(), create(t.map(), edt)));
            return new WeightedMap(terms);
        }
        if (spec instanceof MapSpec.Custom c) {
            RegionWiseMap f = c.function();
            String what = "custom map '" + c.name() + "'";
            return (labels, classes) -> checkedCompute(f, labels, classes, what);
        }
        throw new IllegalArgumentException("unknown map spec " + spec.getClass().getName() + " (" + spec.id() + ")");
    }

    /** Runs {@code map} and checks that it returned {@code classes} maps on the labels' grid shape. */
    static ClassMaps checkedCompute(RegionWiseMap map, LabelImage labels, int classes, String what) {
        ClassMaps z = map.compute(labels, classes);
        if (z == null) throw new IllegalStateException(what + " returned null");
        if (z.classes() != classes) {
            throw new IllegalStateException(what + " returned " + z.classes() + " class maps, expected K=" + classes);
        }
        if (!z.grid().sameShape(labels.grid())) {
            throw new IllegalStateException(what + " returned maps on " + z.grid().describeSize()
                    + " for labels on " + labels.grid().describeSize());
        }
        return z;
    }
}
