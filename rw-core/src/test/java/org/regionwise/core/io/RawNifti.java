package org.regionwise.core.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * A NIfTI-1 file built byte by byte in the test, independently of {@link Nifti}'s writer: any datatype, byte order,
 * scaling, offset and extension, so that the reader is checked against the layout of nifti1.h itself.
 */
final class RawNifti {
    ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    int sizeofHdr = 348;
    String magic = "n+1";
    int[] dim = {3, 2, 2, 2, 1, 1, 1, 1};
    int datatype = 16;
    int bitpix = 32;
    float[] pixdim = {1, 1, 1, 1, 1, 1, 1, 1};
    float voxOffset = 352;
    float sclSlope = 0;
    float sclInter = 0;
    int xyztUnits = 2;
    String descrip = "raw test file";
    int qformCode = 0;
    int sformCode = 0;
    float[] quatern = {0, 0, 0};
    float[] qoffset = {0, 0, 0};
    float[] srow = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0};
    /** Bytes written between the header and vox_offset (extension flag + extensions); zero-filled if shorter. */
    byte[] extension = new byte[0];
    double[] values = new double[8];
    boolean gzip;

    RawNifti shape(int... shape) {
        dim = new int[] {shape.length, 1, 1, 1, 1, 1, 1, 1};
        for (int i = 0; i < shape.length; i++) dim[i + 1] = shape[i];
        return this;
    }

    RawNifti datatype(int code, int bits) {
        datatype = code;
        bitpix = bits;
        return this;
    }

    byte[] header() {
        ByteBuffer b = ByteBuffer.allocate(348).order(order);
        b.putInt(0, sizeofHdr);
        for (int i = 0; i < 8; i++) b.putShort(40 + 2 * i, (short) dim[i]);
        b.putShort(70, (short) datatype);
        b.putShort(72, (short) bitpix);
        for (int i = 0; i < 8; i++) b.putFloat(76 + 4 * i, pixdim[i]);
        b.putFloat(108, voxOffset);
        b.putFloat(112, sclSlope);
        b.putFloat(116, sclInter);
        b.put(123, (byte) xyztUnits);
        byte[] d = descrip.getBytes(StandardCharsets.US_ASCII);
        b.put(148, d, 0, Math.min(80, d.length));
        b.putShort(252, (short) qformCode);
        b.putShort(254, (short) sformCode);
        for (int i = 0; i < 3; i++) {
            b.putFloat(256 + 4 * i, quatern[i]);
            b.putFloat(268 + 4 * i, qoffset[i]);
        }
        for (int i = 0; i < 12; i++) b.putFloat(280 + 4 * i, srow[i]);
        byte[] m = magic.getBytes(StandardCharsets.US_ASCII);
        b.put(344, m, 0, Math.min(4, m.length));
        return b.array();
    }

    byte[] voxels() {
        int bytes = switch (datatype) {
            case 2, 256 -> 1;
            case 4, 512 -> 2;
            case 8, 16 -> 4;
            case 64 -> 8;
            default -> Math.max(1, bitpix / 8);
        };
        ByteBuffer b = ByteBuffer.allocate(values.length * bytes).order(order);
        for (double v : values) {
            switch (datatype) {
                case 2, 256 -> b.put((byte) (long) v);
                case 4, 512 -> b.putShort((short) (long) v);
                case 8 -> b.putInt((int) (long) v);
                case 16 -> b.putFloat((float) v);
                case 64 -> b.putDouble(v);
                default -> b.put(new byte[bytes]);
            }
        }
        return b.array();
    }

    /** The complete (uncompressed) file content. */
    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header());
        int gap = Math.max(0, (int) voxOffset - 348);
        byte[] ext = new byte[Math.max(gap, extension.length)];
        System.arraycopy(extension, 0, ext, 0, extension.length);
        out.writeBytes(ext);
        out.writeBytes(voxels());
        return out.toByteArray();
    }

    Path writeTo(Path file) {
        return writeBytes(file, bytes(), gzip);
    }

    static Path writeBytes(Path file, byte[] content, boolean gzip) {
        try {
            if (gzip) {
                ByteArrayOutputStream bos = new ByteArrayOutputStream();
                try (GZIPOutputStream g = new GZIPOutputStream(bos)) {
                    g.write(content);
                }
                content = bos.toByteArray();
            }
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
