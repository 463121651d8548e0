package org.regionwise.core.backend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Convolution kernels and pooling strides of a U-Net from the data's voxel spacing, nnU-Net's anisotropy rule
 * (Isensee et al., Nature Methods 18 (2021), "network topology"): with {@code c} the spacing of a resolution stage
 * (the data's spacing at stage 0) and {@code f = min(c)} its finest axis,
 * <ul>
 *   <li>an axis is <b>pooled</b> (stride 2) into the next stage iff {@code c[a] <= 2 f}; a coarser axis keeps its
 *       resolution (stride 1) until pooling the others has brought them within a factor 2 of it;</li>
 *   <li>an axis gets a <b>3-voxel kernel</b> iff {@code c[a] <= 2 f}, else 1 voxel: on a 5 mm axis next to 1 mm axes
 *       the first stages convolve in-plane only;</li>
 *   <li>the next stage's spacing is {@code c[a] * stride[a]}.</li>
 * </ul>
 * Isotropic or mildly anisotropic data (every axis within a factor 2) therefore gets 3-voxel kernels and stride 2 on
 * every axis, the 10-argument {@link ModelSpec.UNet} default. Axes are the image's ({@code x, y[, z]}).
 *
 * @param convKernels per stage {@code 0..depth}, per axis: 3 or 1
 * @param poolStrides per stage {@code 1..depth}, per axis: 2 or 1
 */
public record Pooling(List<List<Integer>> convKernels, List<List<Integer>> poolStrides) {

    /**
     * Copies the lists.
     *
     * @param convKernels per stage, per axis
     * @param poolStrides per stage, per axis
     */
    public Pooling {
        convKernels = deepCopy(convKernels);
        poolStrides = deepCopy(poolStrides);
    }

    /**
     * nnU-Net's kernels and strides for data of voxel spacing {@code spacing} (mm, image axis order) and
     * {@code depth} poolings.
     *
     * @param spacing the (median) voxel spacing, one positive value per axis
     * @param depth the number of poolings
     * @return the kernels and strides
     */
    public static Pooling forSpacing(double[] spacing, int depth) {
        if (spacing.length < 2 || spacing.length > 3) throw new IllegalArgumentException("spacing must have 2 or 3 axes, got " + Arrays.toString(spacing));
        for (double v : spacing) if (!(v > 0) || !Double.isFinite(v)) throw new IllegalArgumentException("spacing must be positive, got " + Arrays.toString(spacing));
        if (depth < 1) throw new IllegalArgumentException("depth must be >= 1, got " + depth);
        double[] c = spacing.clone();
        List<List<Integer>> kernels = new ArrayList<>(), strides = new ArrayList<>();
        for (int s = 0; s <= depth; s++) {
            double f = Arrays.stream(c).min().orElseThrow();
            List<Integer> k = new ArrayList<>(), st = new ArrayList<>();
            for (int a = 0; a < c.length; a++) {
                boolean near = c[a] <= 2 * f * (1 + 1e-9);
                k.add(near ? 3 : 1);
                st.add(near ? 2 : 1);
            }
            kernels.add(k);
            if (s < depth) {
                strides.add(st);
                for (int a = 0; a < c.length; a++) c[a] *= st.get(a);
            }
        }
        return new Pooling(kernels, strides);
    }

    /**
     * {@code lists} checked (one list of {@code axes} values per stage, each value in {@code [min, max]}), or
     * {@code stages} lists of {@code fill} when it is empty.
     */
    static List<List<Integer>> axes(List<List<Integer>> lists, int stages, int axes, int fill, String what, int min, int max) {
        java.util.Objects.requireNonNull(lists, what);
        if (lists.isEmpty()) {
            List<Integer> one = java.util.Collections.nCopies(axes, fill);
            return java.util.Collections.nCopies(stages, one);
        }
        if (lists.size() != stages) throw new IllegalArgumentException(what + " needs " + stages + " stages, got " + lists.size() + ": " + lists);
        for (List<Integer> l : lists) {
            if (l.size() != axes) throw new IllegalArgumentException(what + " needs " + axes + " values per stage, got " + l);
            for (int v : l) {
                if (v != min && v != max) throw new IllegalArgumentException(what + " values must be " + min + " or " + max + ", got " + l);
            }
        }
        return deepCopy(lists);
    }

    static boolean isotropic(List<List<Integer>> lists, int value) {
        for (List<Integer> l : lists) for (int v : l) if (v != value) return false;
        return true;
    }

    /**
     * {@code lists} as {@code 3x3x1,3x3x3}: stages separated by commas, axes by {@code x}.
     *
     * @param lists per stage, per axis
     * @return the text
     */
    public static String format(List<List<Integer>> lists) {
        StringBuilder b = new StringBuilder();
        for (List<Integer> l : lists) {
            if (b.length() > 0) b.append(',');
            for (int i = 0; i < l.size(); i++) b.append(i == 0 ? "" : "x").append(l.get(i));
        }
        return b.toString();
    }

    /**
     * Parses {@link #format}'s text (empty: no list).
     *
     * @param text the text
     * @return per stage, per axis
     */
    public static List<List<Integer>> parse(String text) {
        List<List<Integer>> out = new ArrayList<>();
        if (text.isBlank()) return out;
        for (String stage : text.trim().split(",")) {
            List<Integer> l = new ArrayList<>();
            for (String v : stage.trim().split("x")) l.add(Integer.parseInt(v.trim()));
            out.add(l);
        }
        return out;
    }

    private static List<List<Integer>> deepCopy(List<List<Integer>> lists) {
        List<List<Integer>> out = new ArrayList<>();
        for (List<Integer> l : lists) out.add(List.copyOf(l));
        return List.copyOf(out);
    }
}
