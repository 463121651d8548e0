package org.regionwise.core.map;

import java.util.ArrayList;
import java.util.List;

/** Factory of {@link MapSpec} descriptions. */
public final class Maps {
    private Maps() {}

    /** The rectified RW map in voxel units, as the paper. */
    public static MapSpec rectified() { return new MapSpec.Rectified(DistanceUnits.VOXELS); }

    /** The rectified RW map with distances in the given units. */
    public static MapSpec rectified(DistanceUnits units) { return new MapSpec.Rectified(units); }

    /** The RW paper's boundary map {@code dist_out * neg - dist_in * pos}, voxel units. */
    public static MapSpec boundary() { return new MapSpec.Boundary(BoundaryVariant.REGION_WISE_PAPER, DistanceUnits.VOXELS); }

    /** Kervadec's boundary map, distances in mm (as {@code one_hot2dist} with {@code resolution}). */
    public static MapSpec boundaryKervadec() { return new MapSpec.Boundary(BoundaryVariant.KERVADEC, DistanceUnits.PHYSICAL); }

    /** The active-contour map {@code 1 - Y}. */
    public static MapSpec activeContour() { return new MapSpec.ActiveContour(); }

    /** RRW with per-class outside values, e.g. {@code classBalanced(0.95, 0.05)}. */
    public static MapSpec classBalanced(double... outside) {
        List<Double> l = new ArrayList<>();
        for (double v : outside) l.add(v);
        return new MapSpec.ClassBalanced(l, DistanceUnits.VOXELS);
    }

    /**
     * The frequency-balanced RRW map: {@code z_ik = v_{y_i} rrw_ik} with {@code v_c = n_min / n_c} from the label counts
     * of each image (see rw-maps' {@code FrequencyBalancedRegionWiseMap}).
     */
    public static MapSpec frequencyBalanced() { return new MapSpec.FrequencyBalanced(DistanceUnits.VOXELS); }

    /** The U-Net border pixel-importance map with w0 = 10, sigma = 5 px. */
    public static MapSpec unetBorder() { return new MapSpec.UNetBorder(10, 5); }

    /** The U-Net border pixel-importance map with the given parameters. */
    public static MapSpec unetBorder(double w0, double sigma) { return new MapSpec.UNetBorder(w0, sigma); }

    /** A user-supplied map. */
    public static MapSpec custom(String name, RegionWiseMap function) { return new MapSpec.Custom(name, function); }

    /** {@code a * first + b * second}. */
    public static MapSpec weighted(double a, MapSpec first, double b, MapSpec second) {
        return new MapSpec.Weighted(List.of(new MapSpec.Term(a, first), new MapSpec.Term(b, second)));
    }
}
