package org.regionwise.core.io;

import org.regionwise.core.image.Grid;
import org.regionwise.core.image.SpatialFrame;

/**
 * Voxel-to-world affines of NIfTI-1 (section "3D IMAGE (VOLUME) ORIENTATION AND LOCATION IN SPACE" of nifti1.h):
 * method 3 (sform) when {@code sform_code > 0}, else method 2 (qform: quaternion, qfac, pixdim, qoffset) when
 * {@code qform_code > 0}, else method 1 ({@code diag(pixdim)}, origin 0). Lengths in mm.
 */
final class NiftiAffine {
    private NiftiAffine() {}

    /** Row-major 4x4 affine of {@code grid} (spacing from the grid, orientation from its frame). */
    static double[][] of(Grid grid) {
        SpatialFrame f = grid.frame();
        double[] sp = {1, 1, 1};
        for (int a = 0; a < grid.dimensions(); a++) sp[a] = grid.spacing(a);
        double[][] m = new double[4][4];
        m[3][3] = 1;
        if (f.sformCode() > 0) {
            double[] s = f.srow();
            for (int r = 0; r < 3; r++) for (int c = 0; c < 4; c++) m[r][c] = s[r * 4 + c];
        } else if (f.qformCode() > 0) {
            double[][] rot = rotation(f.quaternion());
            double[] o = f.qoffset();
            double[] scale = {sp[0], sp[1], sp[2] * f.qfac()};
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) m[r][c] = rot[r][c] * scale[c];
                m[r][3] = o[r];
            }
        } else {
            for (int r = 0; r < 3; r++) m[r][r] = sp[r];
        }
        return m;
    }

    /** The rotation of unit quaternion {@code (a, b, c, d)} with {@code a = sqrt(1 - b² - c² - d²)}. */
    static double[][] rotation(double[] bcd) {
        double b = bcd[0], c = bcd[1], d = bcd[2];
        double aa = 1.0 - (b * b + c * c + d * d);
        double a;
        if (aa < 1e-7) {            // 180 degree rotation: a = 0, renormalise (b, c, d) as nifti1_io does
            double norm = Math.sqrt(b * b + c * c + d * d);
            b /= norm; c /= norm; d /= norm;
            a = 0;
        } else {
            a = Math.sqrt(aa);
        }
        return new double[][] {
            {a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c)},
            {2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b)},
            {2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b},
        };
    }

    /**
     * Where each voxel axis points: for each of the first {@code axes} columns, the world axis with the largest
     * component (each world axis used once), written R/L, A/P, S/I for +x/-x, +y/-y, +z/-z (RAS+ world).
     */
    static String axisCodes(double[][] affine, int axes) {
        boolean[] used = new boolean[3];
        char[] codes = new char[3];
        double[][] col = new double[3][3];
        for (int c = 0; c < 3; c++) for (int r = 0; r < 3; r++) col[c][r] = affine[r][c];
        // assign the voxel axes greedily, strongest component first, so that every world axis is used once
        boolean[] done = new boolean[3];
        for (int step = 0; step < 3; step++) {
            int bestC = -1, bestR = -1;
            double best = -1;
            for (int c = 0; c < 3; c++) {
                if (done[c]) continue;
                double norm = Math.sqrt(col[c][0] * col[c][0] + col[c][1] * col[c][1] + col[c][2] * col[c][2]);
                for (int r = 0; r < 3; r++) {
                    if (used[r]) continue;
                    double v = norm == 0 ? 0 : Math.abs(col[c][r]) / norm;
                    if (v > best) { best = v; bestC = c; bestR = r; }
                }
            }
            done[bestC] = true;
            used[bestR] = true;
            boolean positive = col[bestC][bestR] >= 0;
            codes[bestC] = switch (bestR) {
                case 0 -> positive ? 'R' : 'L';
                case 1 -> positive ? 'A' : 'P';
                default -> positive ? 'S' : 'I';
            };
        }
        return new String(codes, 0, Math.max(2, Math.min(axes, 3)));
    }
}
