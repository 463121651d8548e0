package org.regionwise.core.map;

import java.util.List;
import java.util.Objects;

/**
 * An immutable description of a region-wise map; {@code rw-maps} turns it into a {@link RegionWiseMap}.
 * Build instances with {@link Maps}.
 */
public sealed interface MapSpec {

    /**
     * Short stable name used in configuration and on the command line, e.g. {@code "rrw"}.
     *
     * @return the id
     */
    String id();

    /**
     * Rectified RW map: {@code -d/max(d)} inside class k, {@code +1} outside, all {@code +1} for an absent class.
     *
     * @param units voxels (the paper) or mm
     */
    record Rectified(DistanceUnits units) implements MapSpec {
        /**
         * Checks that the units are given.
         *
         * @param units voxels (the paper) or mm
         */
        public Rectified { Objects.requireNonNull(units, "units"); }
        @Override public String id() { return "rrw"; }
    }

    /**
     * Signed distance map of the Boundary loss.
     *
     * @param variant Kervadec's or the RW paper's
     * @param units voxels or mm
     */
    record Boundary(BoundaryVariant variant, DistanceUnits units) implements MapSpec {
        /**
         * Checks that the variant and units are given.
         *
         * @param variant Kervadec's or the RW paper's
         * @param units voxels or mm
         */
        public Boundary { Objects.requireNonNull(variant, "variant"); Objects.requireNonNull(units, "units"); }
        @Override public String id() { return variant == BoundaryVariant.KERVADEC ? "boundary-kervadec" : "boundary"; }
    }

    /** Active-contour map {@code Z = 1 - Y}. */
    record ActiveContour() implements MapSpec {
        @Override public String id() { return "ac"; }
    }

    /**
     * RRW with a per-class outside value {@code outside.get(k)} instead of {@code +1} (class balancing).
     *
     * @param outside one finite, positive outside value per class
     * @param units voxels or mm
     */
    record ClassBalanced(List<Double> outside, DistanceUnits units) implements MapSpec {
        /**
         * Copies the outside values and checks that each is finite and positive.
         *
         * @param outside one finite, positive outside value per class
         * @param units voxels or mm
         */
        public ClassBalanced {
            outside = List.copyOf(outside);
            Objects.requireNonNull(units, "units");
            for (int k = 0; k < outside.size(); k++) {
                double v = outside.get(k);
                if (!(v > 0) || !Double.isFinite(v)) {
                    throw new IllegalArgumentException("outside value of class " + k + " must be finite and > 0, got " + v);
                }
            }
        }
        @Override public String id() { return "class-balanced"; }
    }

    /**
     * RRW with every voxel's values scaled by {@code v_c = n_min / n_c}, {@code c} its label and {@code n_c} the voxel
     * count of class c in the image ({@code rrw-balanced}: outside values, and inside weights, from label frequencies).
     *
     * @param units voxels or mm
     */
    record FrequencyBalanced(DistanceUnits units) implements MapSpec {
        /**
         * Checks that the units are given.
         *
         * @param units voxels or mm
         */
        public FrequencyBalanced { Objects.requireNonNull(units, "units"); }
        @Override public String id() { return "rrw-balanced"; }
    }

    /**
     * Pixel-importance map from the U-Net border weights {@code w(x) = w_c(x) + w0 exp(-(d1+d2)^2 / 2 sigma^2)}
     * (Ronneberger et al. 2015), expressed as an RW map.
     *
     * @param w0 the border weight, at least 0
     * @param sigma the border width in pixels, above 0
     */
    record UNetBorder(double w0, double sigma) implements MapSpec {
        /**
         * Checks {@code w0 >= 0} and {@code sigma > 0}.
         *
         * @param w0 the border weight, at least 0
         * @param sigma the border width in pixels, above 0
         */
        public UNetBorder {
            if (!(w0 >= 0) || !(sigma > 0)) throw new IllegalArgumentException("need w0 >= 0 and sigma > 0, got w0=" + w0 + ", sigma=" + sigma);
        }
        @Override public String id() { return "unet-border"; }
    }

    /**
     * A weighted sum {@code sum_t w_t Z_t} of maps.
     *
     * @param terms at least one weighted map
     */
    record Weighted(List<Term> terms) implements MapSpec {
        /**
         * Copies the terms and checks that there is at least one.
         *
         * @param terms at least one weighted map
         */
        public Weighted {
            terms = List.copyOf(terms);
            if (terms.isEmpty()) throw new IllegalArgumentException("a weighted map needs at least one term");
        }
        @Override public String id() { return "weighted"; }
    }

    /**
     * One term {@code weight * map} of a {@link Weighted} map.
     *
     * @param weight a finite weight
     * @param map the map
     */
    record Term(double weight, MapSpec map) {
        /**
         * Checks that the weight is finite and that there is a map.
         *
         * @param weight a finite weight
         * @param map the map
         */
        public Term {
            if (!Double.isFinite(weight)) throw new IllegalArgumentException("map weight must be finite, got " + weight);
            Objects.requireNonNull(map, "map");
        }
    }

    /**
     * A user-supplied map function with a name for logs and reports.
     *
     * @param name the id the map is known by
     * @param function computes the map from labels
     */
    record Custom(String name, RegionWiseMap function) implements MapSpec {
        /**
         * Checks that the name and function are given.
         *
         * @param name the id the map is known by
         * @param function computes the map from labels
         */
        public Custom { Objects.requireNonNull(name, "name"); Objects.requireNonNull(function, "function"); }
        @Override public String id() { return name; }
    }
}
