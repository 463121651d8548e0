package org.regionwise.maps;

import java.util.Objects;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.map.DistanceUnits;
import org.regionwise.core.map.RegionWiseMap;
import org.regionwise.maps.distance.EuclideanDistanceTransform;
import org.regionwise.maps.internal.MapSupport;

/**
 * The rectified region-wise (RRW) map of Valverde &amp; Tohka, "Region-wise loss for biomedical image segmentation",
 * Pattern Recognition 136 (2023) 109208, as their reference code computes it:
 *
 * <pre>
 *   z_ik = -d_ik / max_{j : y_j = k} d_jk   if voxel i has label k
 *   z_ik = +1                              otherwise
 * </pre>
 *
 * where {@code d_ik} is the Euclidean distance from voxel {@code i} to the nearest voxel <i>not</i> labelled
 * {@code k} (SciPy {@code distance_transform_edt} semantics: the image border is not a boundary, rim voxels have
 * {@code d = 1} voxel). The maximum is taken per image and class, so the inside of each class spans {@code [-1, 0)}:
 * {@code -1} at its deepest voxel. Distances are in voxels by default, as the paper ({@link DistanceUnits#VOXELS});
 * {@link DistanceUnits#PHYSICAL} measures them in mm with the grid's spacing (only the shape of the inside profile
 * changes, the range does not).
 *
 * <p>Edge cases:
 * <ul>
 *   <li><b>Absent class</b> (no voxel labelled k): all {@code +1}, as the reference code.</li>
 *   <li><b>Class covering the whole image</b>: all {@code -1}. There is no voxel outside the class, so no distance
 *   exists (our EDT returns {@code +inf}); SciPy instead measures to a virtual voxel at index {@code (-1, 0, ...)}
 *   and the reference code produces a meaningless ramp in about {@code [-1, -0.2]} that depends on where the voxel
 *   sits in the array. The constant {@code -1} is the limit of the map as the class grows to fill the image's centre,
 *   keeps the stability ordering (every other class is absent, hence {@code +1}) and is bounded.</li>
 * </ul>
 * Values always lie in {@code [-1, 1]}, whatever the image size: the map satisfies the stability principle.
 */
public final class RectifiedRegionWiseMap implements RegionWiseMap {
    private final DistanceUnits units;
    private final EuclideanDistanceTransform edt;

    /**
     * RRW in the given units, using {@code edt} for the distances.
     *
     * @param units voxels or mm
     * @param edt computes the distances
     */
    public RectifiedRegionWiseMap(DistanceUnits units, EuclideanDistanceTransform edt) {
        this.units = Objects.requireNonNull(units, "units");
        this.edt = Objects.requireNonNull(edt, "edt");
    }

    /** RRW in voxel units, as the paper. */
    public RectifiedRegionWiseMap() {
        this(DistanceUnits.VOXELS, EuclideanDistanceTransform.create());
    }

    @Override
    public ClassMaps compute(LabelImage labels, int classes) {
        MapSupport.checkInput(labels, classes, "RRW map");
        float[][] z = new float[classes][];
        for (int k = 0; k < classes; k++) z[k] = classMap(labels, k, 1f, units, edt);
        return new ClassMaps(labels.grid(), z);
    }

    /**
     * {@code -d/max(d)} inside class k, {@code outside} elsewhere; {@code outside} everywhere if k is absent,
     * {@code -1} everywhere if k covers the image. Shared with {@link ClassBalancedRegionWiseMap}.
     */
    static float[] classMap(LabelImage labels, int k, float outside, DistanceUnits units, EuclideanDistanceTransform edt) {
        int[] y = labels.data();
        Grid grid = labels.grid();
        int n = y.length;
        int inside = MapSupport.count(y, k);
        if (inside == 0) return MapSupport.filled(n, outside);
        if (inside == n) return MapSupport.filled(n, -1f);
        float[] d = edt.distance(MapSupport.mask(y, k), grid.sizes(), MapSupport.spacing(grid, units));
        float max = 0;
        for (int i = 0; i < n; i++) if (d[i] > max) max = d[i];
        for (int i = 0; i < n; i++) d[i] = y[i] == k ? -d[i] / max : outside;   // exactly -1 at the deepest voxel
        return d;
    }

    /**
     * The distance units.
     *
     * @return voxels or mm
     */
    public DistanceUnits units() { return units; }

    @Override public String toString() { return "RectifiedRegionWiseMap[" + units + "]"; }
}
