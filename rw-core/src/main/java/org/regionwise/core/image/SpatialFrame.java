package org.regionwise.core.image;

import java.util.Arrays;
import java.util.Objects;

/**
 * Where a grid sits in scanner space: the NIfTI-1 qform and sform, kept verbatim so that a file read and written
 * back keeps its orientation and origin.
 *
 * <p>{@code quaternion} holds {@code quatern_b, quatern_c, quatern_d}; {@code qoffset} holds
 * {@code qoffset_x, qoffset_y, qoffset_z} in mm; {@code qfac} is {@code pixdim[0]} (±1); {@code srow} holds the three
 * sform rows {@code srow_x, srow_y, srow_z} (12 values, row-major). Codes follow NIfTI-1 (0 unknown, 1 scanner,
 * 2 aligned, 3 Talairach, 4 MNI). Arrays are copied in and out; instances are immutable.
 */
public final class SpatialFrame {
    private final int qformCode;
    private final int sformCode;
    private final double[] quaternion;
    private final double[] qoffset;
    private final double qfac;
    private final double[] srow;

    public SpatialFrame(int qformCode, int sformCode, double[] quaternion, double[] qoffset, double qfac, double[] srow) {
        if (quaternion.length != 3) throw new IllegalArgumentException("quaternion needs 3 values (b, c, d), got " + quaternion.length);
        if (qoffset.length != 3) throw new IllegalArgumentException("qoffset needs 3 values (x, y, z), got " + qoffset.length);
        if (srow.length != 12) throw new IllegalArgumentException("srow needs 12 values (3 rows of 4), got " + srow.length);
        this.qformCode = qformCode;
        this.sformCode = sformCode;
        this.quaternion = quaternion.clone();
        this.qoffset = qoffset.clone();
        this.qfac = qfac < 0 ? -1 : 1;
        this.srow = srow.clone();
    }

    /** No orientation information: both codes 0, identity rotation, zero origin, and an sform of the spacing. */
    public static SpatialFrame unknown(double[] spacing) {
        double[] s = new double[12];
        for (int r = 0; r < 3; r++) {
            s[r * 4 + r] = r < spacing.length ? spacing[r] : 1.0;
        }
        return new SpatialFrame(0, 0, new double[3], new double[3], 1, s);
    }

    public int qformCode() { return qformCode; }
    public int sformCode() { return sformCode; }
    public double[] quaternion() { return quaternion.clone(); }
    public double[] qoffset() { return qoffset.clone(); }
    public double qfac() { return qfac; }
    public double[] srow() { return srow.clone(); }

    @Override public boolean equals(Object o) {
        return o instanceof SpatialFrame f && f.qformCode == qformCode && f.sformCode == sformCode
                && Arrays.equals(f.quaternion, quaternion) && Arrays.equals(f.qoffset, qoffset)
                && f.qfac == qfac && Arrays.equals(f.srow, srow);
    }

    @Override public int hashCode() {
        return Objects.hash(qformCode, sformCode, Arrays.hashCode(quaternion), Arrays.hashCode(qoffset), qfac, Arrays.hashCode(srow));
    }

    @Override public String toString() {
        return "SpatialFrame[qform=" + qformCode + ", sform=" + sformCode + ", srow=" + Arrays.toString(srow) + "]";
    }
}
