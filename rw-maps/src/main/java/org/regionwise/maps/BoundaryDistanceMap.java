package org.regionwise.maps;

import java.util.Objects;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.map.BoundaryVariant;
import org.regionwise.core.map.DistanceUnits;
import org.regionwise.core.map.RegionWiseMap;
import org.regionwise.maps.distance.EuclideanDistanceTransform;
import org.regionwise.maps.internal.MapSupport;

/**
 * The signed distance map of the Boundary loss (Kervadec et al., "Boundary loss for highly unbalanced
 * segmentation", MIDL 2019 / Medical Image Analysis 67 (2021) 101851), which the RW paper shows to be an RW map.
 * With {@code pos} the voxels labelled k, {@code neg} the others, {@code d_out} the distance from a voxel of
 * {@code neg} to the nearest voxel of {@code pos} and {@code d_in} the distance from a voxel of {@code pos} to the
 * nearest voxel of {@code neg} (SciPy {@code distance_transform_edt} semantics):
 *
 * <pre>
 *   KERVADEC            z_ik = d_out(i)  on neg,   -(d_in(i) - 1)  on pos      (one_hot2dist: 0 on the inner rim)
 *   REGION_WISE_PAPER   z_ik = d_out(i)  on neg,   -d_in(i)        on pos      (never 0: |z| >= 1 voxel)
 * </pre>
 *
 * Distances are in the map's {@link DistanceUnits}; the {@code - 1} of Kervadec's formula is the constant 1 in either
 * unit, as in {@code one_hot2dist(seg, resolution)}.
 *
 * <p>Edge cases, the same for both variants:
 * <ul>
 *   <li><b>Absent class</b>: all 0, as Kervadec's {@code one_hot2dist}. The RW paper's code has a bug here: it skips
 *   the computation but still writes the map from the variables of the previously processed class (a stale outside
 *   distance map; a {@code NameError} if the first class is absent). This class does not copy that bug.</li>
 *   <li><b>Class covering the whole image</b>: no boundary exists (SciPy would measure to a virtual voxel outside
 *   the array and return position-dependent numbers). The map is the constant value of the inner rim: 0 for
 *   {@code KERVADEC}, {@code -1} for {@code REGION_WISE_PAPER}.</li>
 * </ul>
 *
 * <p>These maps keep the ordering of the stability principle for present classes (the true class is {@code <= 0},
 * the others {@code > 0}; for Kervadec's variant ties at 0 are possible on the rim against absent classes), but they
 * are <b>unbounded</b>: values grow with the image and object size, which is what makes the Boundary loss unstable.
 * {@link StabilityDiagnostic} reports it.
 */
public final class BoundaryDistanceMap implements RegionWiseMap {
    private final BoundaryVariant variant;
    private final DistanceUnits units;
    private final EuclideanDistanceTransform edt;

    /**
     * A boundary map of {@code variant} with distances in {@code units}.
     *
     * @param variant Kervadec's or the RW paper's
     * @param units voxels or mm
     * @param edt computes the distances
     */
    public BoundaryDistanceMap(BoundaryVariant variant, DistanceUnits units, EuclideanDistanceTransform edt) {
        this.variant = Objects.requireNonNull(variant, "variant");
        this.units = Objects.requireNonNull(units, "units");
        this.edt = Objects.requireNonNull(edt, "edt");
    }

    @Override
    public ClassMaps compute(LabelImage labels, int classes) {
        MapSupport.checkInput(labels, classes, "boundary map");
        int[] y = labels.data();
        Grid grid = labels.grid();
        int n = y.length;
        int[] size = grid.sizes();
        double[] spacing = MapSupport.spacing(grid, units);
        float rimOffset = variant == BoundaryVariant.KERVADEC ? 1f : 0f;
        float[][] z = new float[classes][];
        for (int k = 0; k < classes; k++) {
            int inside = MapSupport.count(y, k);
            if (inside == 0) {
                z[k] = new float[n];
            } else if (inside == n) {
                z[k] = MapSupport.filled(n, rimOffset - 1f);
            } else {
                float[] out = edt.distance(MapSupport.complement(y, k), size, spacing);   // d_out on neg, 0 on pos
                float[] in = edt.distance(MapSupport.mask(y, k), size, spacing);         // d_in on pos, 0 on neg
                for (int i = 0; i < n; i++) {
                    if (y[i] == k) out[i] = rimOffset - in[i];
                }
                z[k] = out;
            }
        }
        return new ClassMaps(grid, z);
    }

    /**
     * The variant.
     *
     * @return Kervadec's or the RW paper's
     */
    public BoundaryVariant variant() { return variant; }

    /**
     * The distance units.
     *
     * @return voxels or mm
     */
    public DistanceUnits units() { return units; }

    @Override public String toString() { return "BoundaryDistanceMap[" + variant + ", " + units + "]"; }
}
