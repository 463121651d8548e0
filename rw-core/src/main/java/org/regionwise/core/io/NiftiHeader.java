package org.regionwise.core.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.regionwise.core.image.SpatialFrame;

/**
 * The fields of a NIfTI-1 header that RegionWise uses, decoded from and encoded to the 348-byte layout.
 *
 * <p>Spatial lengths ({@code pixdim[1..3]}, {@code qoffset}, {@code srow}) are converted to millimetres on decoding,
 * following {@code xyzt_units}; they are always encoded in millimetres.
 */
final class NiftiHeader {
    static final int SIZEOF_HDR = 348;
    static final int NIFTI2_SIZEOF_HDR = 540;
    /** Header plus the 4-byte extension flag: where voxel data starts in a single {@code .nii} file we write. */
    static final int SINGLE_FILE_OFFSET = 352;

    private static final int XYZT_MM = 2;

    final ByteOrder order;
    /** {@code dim[0..7]} as stored. */
    final int[] dim;
    final NiftiDatatype datatype;
    /** {@code pixdim[0..7]}; spatial entries in mm. */
    final double[] pixdim;
    final double voxOffset;
    final double sclSlope;
    final double sclInter;
    final int xyztUnits;
    final String description;
    final String magic;
    final int qformCode;
    final int sformCode;
    final double[] quatern;
    final double[] qoffset;
    final double[] srow;
    final int intentCode;

    NiftiHeader(ByteOrder order, int[] dim, NiftiDatatype datatype, double[] pixdim, double voxOffset, double sclSlope,
            double sclInter, int xyztUnits, String description, String magic, int qformCode, int sformCode,
            double[] quatern, double[] qoffset, double[] srow, int intentCode) {
        this.order = order;
        this.dim = dim;
        this.datatype = datatype;
        this.pixdim = pixdim;
        this.voxOffset = voxOffset;
        this.sclSlope = sclSlope;
        this.sclInter = sclInter;
        this.xyztUnits = xyztUnits;
        this.description = description;
        this.magic = magic;
        this.qformCode = qformCode;
        this.sformCode = sformCode;
        this.quatern = quatern;
        this.qoffset = qoffset;
        this.srow = srow;
        this.intentCode = intentCode;
    }

    /** True for {@code "n+1"} (one {@code .nii} file), false for {@code "ni1"} (a {@code .hdr}/{@code .img} pair). */
    boolean isSingleFile() { return magic.equals("n+1"); }

    /** The number of axes that matter: {@code dim[0]} less trailing size-1 axes beyond the 4th. */
    int axes() {
        int n = dim[0];
        while (n > 4 && dim[n] == 1) n--;
        return n;
    }

    long voxelCount() {
        long n = 1;
        for (int a = 1; a <= axes(); a++) n *= dim[a];
        return n;
    }

    long dataBytes() { return voxelCount() * datatype.bytesPerVoxel(); }

    /** Byte offset of the voxel data in the data file (352 at least for a single file, as the standard demands). */
    long dataOffset() {
        long off = (long) voxOffset;
        return isSingleFile() ? Math.max(off, SINGLE_FILE_OFFSET) : Math.max(off, 0);
    }

    SpatialFrame frame() {
        return new SpatialFrame(qformCode, sformCode, quatern, qoffset, pixdim[0], srow);
    }

    // ------------------------------------------------------------------------------------------------ decoding

    /** Detects the byte order from {@code sizeof_hdr} and decodes the first 348 bytes of {@code file}. */
    static NiftiHeader decode(Path file, byte[] bytes) {
        if (bytes.length < SIZEOF_HDR) {
            throw new ImageFormatException(file, "sizeof_hdr", "truncated or not a NIfTI-1 file: it holds only "
                    + bytes.length + " bytes, a NIfTI-1 header needs " + SIZEOF_HDR);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int le = b.getInt(0);
        int be = Integer.reverseBytes(le);
        ByteOrder order;
        if (le == SIZEOF_HDR) order = ByteOrder.LITTLE_ENDIAN;
        else if (be == SIZEOF_HDR) order = ByteOrder.BIG_ENDIAN;
        else if (le == NIFTI2_SIZEOF_HDR || be == NIFTI2_SIZEOF_HDR) {
            throw ImageFormatException.header(file, "sizeof_hdr", NIFTI2_SIZEOF_HDR,
                    "means NIfTI-2, which is not supported (RegionWise reads NIfTI-1; convert with e.g. nibabel: "
                    + "nib.save(nib.Nifti1Image(img.dataobj, img.affine, img.header), 'out.nii.gz'))");
        } else {
            throw ImageFormatException.header(file, "sizeof_hdr", le,
                    "is not 348 in either byte order: not a NIfTI-1 file");
        }
        b.order(order);

        String magic = ascii(bytes, 344, 4);
        if (!magic.equals("n+1") && !magic.equals("ni1")) {
            throw ImageFormatException.header(file, "magic", quoted(bytes, 344, 4),
                    "is neither \"n+1\" nor \"ni1\": not a NIfTI-1 file (ANALYZE 7.5 files are not supported)");
        }

        int[] dim = new int[8];
        for (int i = 0; i < 8; i++) dim[i] = b.getShort(40 + 2 * i);
        if (dim[0] < 1 || dim[0] > 7) {
            throw ImageFormatException.header(file, "dim[0]", dim[0], "is outside 1..7");
        }
        for (int i = 1; i <= dim[0]; i++) {
            if (dim[i] < 1) {
                throw ImageFormatException.header(file, "dim[" + i + "]", dim[i], "is not a valid axis size (must be >= 1)");
            }
        }

        int code = b.getShort(70);
        NiftiDatatype datatype = NiftiDatatype.ofCode(code);
        if (datatype == null) {
            throw ImageFormatException.header(file, "datatype", code + " (" + NiftiDatatype.nameOfCode(code) + ")",
                    "is not supported (supported: " + NiftiDatatype.supportedList() + ")");
        }
        int bitpix = b.getShort(72);
        if (bitpix != datatype.bitsPerVoxel() && bitpix != 0) {
            throw ImageFormatException.header(file, "bitpix", bitpix, "does not match datatype "
                    + datatype.typeName() + " (" + datatype.bitsPerVoxel() + " bits per voxel)");
        }

        int xyzt = bytes[123] & 0xff;
        double toMm = switch (xyzt & 0x07) {
            case 1 -> 1000.0;   // metre
            case 3 -> 0.001;    // micron
            default -> 1.0;     // mm or unknown
        };

        double[] pixdim = new double[8];
        for (int i = 0; i < 8; i++) pixdim[i] = b.getFloat(76 + 4 * i);
        for (int i = 1; i <= 3; i++) pixdim[i] *= toMm;

        double voxOffset = b.getFloat(108);
        if (!Double.isFinite(voxOffset) || voxOffset < 0) {
            throw ImageFormatException.header(file, "vox_offset", voxOffset, "is not a valid byte offset");
        }
        double slope = b.getFloat(112);
        double inter = b.getFloat(116);

        String description = ascii(bytes, 148, 80);
        int qformCode = b.getShort(252);
        int sformCode = b.getShort(254);
        double[] quatern = {b.getFloat(256), b.getFloat(260), b.getFloat(264)};
        double[] qoffset = {b.getFloat(268) * toMm, b.getFloat(272) * toMm, b.getFloat(276) * toMm};
        double[] srow = new double[12];
        for (int i = 0; i < 12; i++) {
            srow[i] = b.getFloat(280 + 4 * i) * toMm;   // every sform entry is a length (mm per voxel, or mm)
        }
        int intentCode = b.getShort(68);

        return new NiftiHeader(order, dim, datatype, pixdim, voxOffset, slope, inter, xyzt, description, magic,
                qformCode, sformCode, quatern, qoffset, srow, intentCode);
    }

    // ------------------------------------------------------------------------------------------------ encoding

    /** {@code intent_code} of a label image ({@code NIFTI_INTENT_LABEL} in nifti1.h). */
    static final int INTENT_LABEL = 1002;

    /**
     * The 352 bytes that start a single-file {@code .nii}: header, then an extension flag of zero.
     *
     * @param shape   axis sizes, 2 to 4 of them
     * @param spacing pixdim per axis (mm for the spatial axes)
     * @param intent  {@code intent_code} (0 none, {@link #INTENT_LABEL})
     * @param calMin  {@code cal_min}, the display range viewers start from (0 and 0: unset)
     * @param calMax  {@code cal_max}
     */
    static byte[] encode(int[] shape, double[] spacing, NiftiDatatype datatype, SpatialFrame frame, String description,
                         int intent, double calMin, double calMax) {
        ByteBuffer b = ByteBuffer.allocate(SINGLE_FILE_OFFSET).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, SIZEOF_HDR);
        b.put(38, (byte) 'r');                     // "regular", kept for ANALYZE readers
        b.putShort(40, (short) shape.length);
        b.putShort(68, (short) intent);
        for (int i = 0; i < 7; i++) b.putShort(42 + 2 * i, (short) (i < shape.length ? shape[i] : 1));
        b.putShort(70, (short) datatype.code());
        b.putShort(72, (short) datatype.bitsPerVoxel());
        b.putFloat(76, (float) frame.qfac());
        for (int i = 0; i < 7; i++) b.putFloat(80 + 4 * i, (float) (i < spacing.length ? spacing[i] : 1.0));
        b.putFloat(108, SINGLE_FILE_OFFSET);
        b.putFloat(112, 1f);                        // scl_slope: identity
        b.putFloat(116, 0f);                        // scl_inter
        b.put(123, (byte) XYZT_MM);                 // spatial units mm, time units unknown
        b.putFloat(124, (float) calMax);
        b.putFloat(128, (float) calMin);
        byte[] desc = description.getBytes(StandardCharsets.US_ASCII);
        b.put(148, desc, 0, Math.min(desc.length, 79));
        b.putShort(252, (short) frame.qformCode());
        b.putShort(254, (short) frame.sformCode());
        double[] q = frame.quaternion();
        double[] o = frame.qoffset();
        for (int i = 0; i < 3; i++) {
            b.putFloat(256 + 4 * i, (float) q[i]);
            b.putFloat(268 + 4 * i, (float) o[i]);
        }
        double[] s = frame.srow();
        for (int i = 0; i < 12; i++) b.putFloat(280 + 4 * i, (float) s[i]);
        b.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1').put(347, (byte) 0);
        return b.array();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** ASCII text up to the first NUL, trimmed. */
    static String ascii(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) end++;
        return new String(bytes, offset, end - offset, StandardCharsets.ISO_8859_1).trim();
    }

    private static String quoted(byte[] bytes, int offset, int length) {
        StringBuilder s = new StringBuilder("\"");
        for (int i = offset; i < offset + length; i++) {
            int c = bytes[i] & 0xff;
            if (c >= 0x20 && c < 0x7f) s.append((char) c);
            else s.append(String.format("\\x%02x", c));
        }
        return s.append('"').toString();
    }

    @Override public String toString() {
        return "NiftiHeader[dim=" + Arrays.toString(dim) + ", " + datatype + ", " + order + "]";
    }
}
