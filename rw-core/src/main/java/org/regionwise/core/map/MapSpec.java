package org.regionwise.core.map;

import java.util.List;
import java.util.Objects;

/**
 * An immutable description of a region-wise map; {@code rw-maps} turns it into a {@link RegionWiseMap}.
 * Build instances with {@link Maps}.
 */
public sealed interface MapSpec {

    /** Short stable name used in configuration and on the command line, e.g. {@code "rrw"}. */
    String id();

    /** Rectified RW map: {@code -d/max(d)} inside class k, {@code +1} outside, all {@code +1} for an absent class. */
    record Rectified(DistanceUnits units) implements MapSpec {
        public Rectified { Objects.requireNonNull(units, "units"); }
        @Override public String id() { return "rrw"; }
    }

    /** Signed distance map of the Boundary loss. */
    record Boundary(BoundaryVariant variant, DistanceUnits units) implements MapSpec {
        public Boundary { Objects.requireNonNull(variant, "variant"); Objects.requireNonNull(units, "units"); }
        @Override public String id() { return variant == BoundaryVariant.KERVADEC ? "boundary-kervadec" : "boundary"; }
    }

    /** Active-contour map {@code Z = 1 - Y}. */
    record ActiveContour() implements MapSpec {
        @Override public String id() { return "ac"; }
    }

    /** RRW with a per-class outside value {@code outside.get(k)} instead of {@code +1} (class balancing). */
    record ClassBalanced(List<Double> outside, DistanceUnits units) implements MapSpec {
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
     */
    record FrequencyBalanced(DistanceUnits units) implements MapSpec {
        public FrequencyBalanced { Objects.requireNonNull(units, "units"); }
        @Override public String id() { return "rrw-balanced"; }
    }

    /**
     * Pixel-importance map from the U-Net border weights {@code w(x) = w_c(x) + w0 exp(-(d1+d2)^2 / 2 sigma^2)}
     * (Ronneberger et al. 2015), expressed as an RW map.
     */
    record UNetBorder(double w0, double sigma) implements MapSpec {
        public UNetBorder {
            if (!(w0 >= 0) || !(sigma > 0)) throw new IllegalArgumentException("need w0 >= 0 and sigma > 0, got w0=" + w0 + ", sigma=" + sigma);
        }
        @Override public String id() { return "unet-border"; }
    }

    /** A weighted sum {@code sum_t w_t Z_t} of maps. */
    record Weighted(List<Term> terms) implements MapSpec {
        public Weighted {
            terms = List.copyOf(terms);
            if (terms.isEmpty()) throw new IllegalArgumentException("a weighted map needs at least one term");
        }
        @Override public String id() { return "weighted"; }
    }

    /** One term {@code weight * map} of a {@link Weighted} map. */
    record Term(double weight, MapSpec map) {
        public Term {
            if (!Double.isFinite(weight)) throw new IllegalArgumentException("map weight must be finite, got " + weight);
            Objects.requireNonNull(map, "map");
        }
    }

    /** A user-supplied map function with a name for logs and reports. */
    record Custom(String name, RegionWiseMap function) implements MapSpec {
        public Custom { Objects.requireNonNull(name, "name"); Objects.requireNonNull(function, "function"); }
        @Override public String id() { return name; }
    }
}
