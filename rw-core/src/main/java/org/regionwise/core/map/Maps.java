package org.regionwise.core.map;

import java.util.ArrayList;
import java.util.List;

/** Factory of {@link MapSpec} descriptions. */
public final class Maps {
    private Maps() {}

    /**
     * The rectified RW map in voxel units, as the paper.
     *
     * @return the map spec
     */
    public static MapSpec rectified() { return new MapSpec.Rectified(DistanceUnits.VOXELS); }

    /**
     * The rectified RW map with distances in the given units.
     *
     * @param units voxels or mm
     * @return the map spec
     */
    public static MapSpec rectified(DistanceUnits units) { return new MapSpec.Rectified(units); }

    /**
     * The RW paper's boundary map {@code dist_out * neg - dist_in * pos}, voxel units.
     *
     * @return the map spec
     */
    public static MapSpec boundary() { return new MapSpec.Boundary(BoundaryVariant.REGION_WISE_PAPER, DistanceUnits.VOXELS); }

    /**
     * Kervadec's boundary map, distances in mm (as {@code one_hot2dist} with {@code resolution}).
     *
     * @return the map spec
     */
    public static MapSpec boundaryKervadec() { return new MapSpec.Boundary(BoundaryVariant.KERVADEC, DistanceUnits.PHYSICAL); }

    /**
     * The active-contour map {@code 1 - Y}.
     *
     * @return the map spec
     */
    public static MapSpec activeContour() { return new MapSpec.ActiveContour(); }

    /**
     * RRW with per-class outside values, e.g. {@code classBalanced(0.95, 0.05)}.
     *
     * @param outside one outside value per class, each finite and positive
     * @return the map spec
     */
    public static MapSpec classBalanced(double... outside) {
        List<Double> l = new ArrayList<>();
        for (double v : outside) l.add(v);
        return new MapSpec.ClassBalanced(l, DistanceUnits.VOXELS);
    }

    /**
     * The frequency-balanced RRW map: {@code z_ik = v_{y_i} rrw_ik} with {@code v_c = n_min / n_c} from the label counts
     * of each image (see rw-maps' {@code FrequencyBalancedRegionWiseMap}).
     *
     * @return the map spec
     */
    public static MapSpec frequencyBalanced() { return new MapSpec.FrequencyBalanced(DistanceUnits.VOXELS); }

    /**
     * The U-Net border pixel-importance map with w0 = 10, sigma = 5 px.
     *
     * @return the map spec
     */
    public static MapSpec unetBorder() { return new MapSpec.UNetBorder(10, 5); }

    /**
     * The U-Net border pixel-importance map with the given parameters.
     *
     * @param w0 the border weight
     * @param sigma the border width in pixels
     * @return the map spec
     */
    public static MapSpec unetBorder(double w0, double sigma) { return new MapSpec.UNetBorder(w0, sigma); }

    /**
     * A user-supplied map.
     *
     * @param name the id the map is known by
     * @param function computes the map from labels
     * @return the map spec
     */
    public static MapSpec custom(String name, RegionWiseMap function) { return new MapSpec.Custom(name, function); }

    /**
     * {@code a * first + b * second}.
     *
     * @param a the first weight
     * @param first the first map
     * @param b the second weight
     * @param second the second map
     * @return the map spec
     */
    public static MapSpec weighted(double a, MapSpec first, double b, MapSpec second) {
        return new MapSpec.Weighted(List.of(new MapSpec.Term(a, first), new MapSpec.Term(b, second)));
    }
}
