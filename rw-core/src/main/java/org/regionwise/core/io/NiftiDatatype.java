package org.regionwise.core.io;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The NIfTI-1 voxel datatypes RegionWise reads and writes, with their header codes and sizes. */
public enum NiftiDatatype {
    /** Unsigned 8-bit integer (code 2). */
    UINT8(2, 8, true),
    /** Signed 8-bit integer (code 256). */
    INT8(256, 8, true),
    /** Signed 16-bit integer (code 4). */
    INT16(4, 16, true),
    /** Unsigned 16-bit integer (code 512). */
    UINT16(512, 16, true),
    /** Signed 32-bit integer (code 8). */
    INT32(8, 32, true),
    /** IEEE 32-bit float (code 16). */
    FLOAT32(16, 32, false),
    /** IEEE 64-bit float (code 64). */
    FLOAT64(64, 64, false);

    private final int code;
    private final int bitsPerVoxel;
    private final boolean integer;

    NiftiDatatype(int code, int bitsPerVoxel, boolean integer) {
        this.code = code;
        this.bitsPerVoxel = bitsPerVoxel;
        this.integer = integer;
    }

    /**
     * The {@code datatype} header code, e.g. 4 for int16.
     *
     * @return the code
     */
    public int code() { return code; }

    /**
     * The {@code bitpix} header value.
     *
     * @return bits per voxel
     */
    public int bitsPerVoxel() { return bitsPerVoxel; }

    /**
     * Bytes per voxel.
     *
     * @return {@code bitpix / 8}
     */
    public int bytesPerVoxel() { return bitsPerVoxel / 8; }

    /**
     * True for the integer types (before any {@code scl_slope} scaling).
     *
     * @return whether the type is an integer type
     */
    public boolean isInteger() { return integer; }

    /**
     * Lower-case name as numpy spells it: {@code "int16"}, {@code "float32"}.
     *
     * @return the name
     */
    public String typeName() { return name().toLowerCase(Locale.ROOT); }

    /** The datatype with this header code, or {@code null} when RegionWise does not support it. */
    static @Nullable NiftiDatatype ofCode(int code) {
        for (NiftiDatatype d : values()) if (d.code == code) return d;
        return null;
    }

    /** {@code "uint8, int8, int16, uint16, int32, float32, float64"}. */
    static String supportedList() {
        return Arrays.stream(values()).map(NiftiDatatype::typeName).collect(Collectors.joining(", "));
    }

    /** The NIfTI-1 name of any datatype code, supported or not (e.g. {@code "RGB24"} for 128). */
    static String nameOfCode(int code) {
        NiftiDatatype d = ofCode(code);
        if (d != null) return d.typeName();
        return switch (code) {
            case 0 -> "unknown";
            case 1 -> "binary";
            case 32 -> "complex64";
            case 128 -> "RGB24";
            case 255 -> "all";
            case 768 -> "uint32";
            case 1024 -> "int64";
            case 1280 -> "uint64";
            case 1536 -> "float128";
            case 1792 -> "complex128";
            case 2048 -> "complex256";
            case 2304 -> "RGBA32";
            default -> "not a NIfTI-1 datatype";
        };
    }
}
