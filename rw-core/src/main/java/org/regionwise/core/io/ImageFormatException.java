package org.regionwise.core.io;

import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A file that cannot be read as the image it claims to be: bad magic, unsupported datatype, truncated data, a
 * corrupt compressed stream, or values that do not fit what was asked for (e.g. non-integer labels).
 *
 * <p>The message always starts with the file and names the header field or voxel at fault, for example
 * {@code /x/a.nii.gz: header field 'datatype' = 128 (RGB24) is not supported (supported: uint8, ...)}.
 */
public final class ImageFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The file that could not be read. */
    private final Path file;
    /** The header field or part at fault. */
    private final String field;

    /**
     * @param file   the file being read
     * @param field  what is at fault: a header field name ({@code "datatype"}, {@code "dim[4]"}), {@code "voxel data"},
     *               {@code "gzip stream"}, or a voxel description
     * @param detail the complete explanation after {@code "<file>: "}
     */
    public ImageFormatException(Path file, String field, String detail) {
        this(file, field, detail, null);
    }

    /**
     * An error in {@code file}.
     *
     * @param file the file that could not be read
     * @param field the header field, stream part or voxel at fault
     * @param detail what is wrong, in words
     * @param cause the underlying exception, if any
     */
    public ImageFormatException(Path file, String field, String detail, @Nullable Throwable cause) {
        super(file + ": " + detail, cause);
        this.file = Objects.requireNonNull(file, "file");
        this.field = Objects.requireNonNull(field, "field");
    }

    /** {@code "<file>: header field '<field>' = <value> <problem>"}. */
    static ImageFormatException header(Path file, String field, Object value, String problem) {
        String shown = value instanceof Double || value instanceof Float
                ? NiftiVolume.format(((Number) value).doubleValue()) : String.valueOf(value);
        return new ImageFormatException(file, field, "header field '" + field + "' = " + shown + " " + problem);
    }

    /**
     * The file that could not be read.
     *
     * @return the file
     */
    public Path file() { return file; }

    /**
     * The header field, stream part or voxel at fault.
     *
     * @return the field
     */
    public String field() { return field; }
}
