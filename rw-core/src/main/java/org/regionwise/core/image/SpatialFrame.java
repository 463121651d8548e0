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

    /**
     * A frame from NIfTI-1 header fields.
     *
     * @param qformCode the qform code
     * @param sformCode the sform code
     * @param quaternion quatern_b, quatern_c, quatern_d
     * @param qoffset qoffset_x, qoffset_y, qoffset_z in mm
     * @param qfac the qform handedness, 1 or -1
     * @param srow srow_x, srow_y, srow_z: 12 values, row by row
     */
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

    /**
     * No orientation information: both codes 0, identity rotation, zero origin, and an sform of the spacing.
     *
     * @param spacing mm per axis
     * @return the frame
     */
    public static SpatialFrame unknown(double[] spacing) {
        double[] s = new double[12];
        for (int r = 0; r < 3; r++) {
            s[r * 4 + r] = r < spacing.length ? spacing[r] : 1.0;
        }
        return new SpatialFrame(0, 0, new double[3], new double[3], 1, s);
    }

    /**
     * The NIfTI qform code.
     *
     * @return the code, 0 when unknown
     */
    public int qformCode() { return qformCode; }
    /**
     * The NIfTI sform code.
     *
     * @return the code, 0 when unknown
     */
    public int sformCode() { return sformCode; }
    /**
     * The qform quaternion.
     *
     * @return a copy of quatern_b, quatern_c, quatern_d
     */
    public double[] quaternion() { return quaternion.clone(); }
    /**
     * The qform origin.
     *
     * @return a copy of qoffset_x, qoffset_y, qoffset_z in mm
     */
    public double[] qoffset() { return qoffset.clone(); }
    /**
     * The qform handedness.
     *
     * @return 1 or -1
     */
    public double qfac() { return qfac; }
    /**
     * The sform rows.
     *
     * @return a copy of srow_x, srow_y, srow_z, 12 values
     */
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
