package org.regionwise.core.io;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;

/**
 * Reads and writes 2D grey-scale PNG images (8 and 16 bits per pixel).
 *
 * <p>Pixel {@code (column x, row y)}, row 0 at the top, is voxel {@code (x, y)}: flat index {@code x + width * y}.
 *
 * <p>Spacing travels in the PNG {@code pHYs} chunk (integer pixels per metre): writers always store it; readers use
 * it when its unit is the metre and read it back as the shortest decimal in mm that rounds to the same pixels per
 * metre (so 0.9 mm, stored as 1111 px/m, reads back as 0.9); without it the spacing is 1 mm x 1 mm. The frame is
 * always unknown.
 *
 * <p>Reading accepts grey-scale PNGs of any bit depth (values are the stored samples: 0..255 for 8-bit, 0..65535
 * for 16-bit) and, for labels only, palette PNGs (the label is the palette index). Colour PNGs are rejected.
 *
 * <p>Writing labels uses 8 bits when the largest label is at most 255, else 16 bits (labels above 65535 are
 * rejected). Writing a float image ({@link #write(Path, FloatImage)}: 16-bit, {@link #write8(Path, FloatImage)}:
 * 8-bit) is <b>exact</b> when every value is an integer in {@code [0, 65535]} (resp. {@code [0, 255]}); otherwise
 * the finite range {@code [min, max]} is mapped linearly onto {@code [0, 65535]} (resp. {@code [0, 255]}), rounding
 * to the nearest integer, so only relative contrast survives; NaN becomes 0 and a constant image becomes all 0.
 */
public final class Png {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private Png() {}

    // ------------------------------------------------------------------------------------------------ reading

    /**
     * Reads a grey or palette PNG as labels (sample value or palette index).
     *
     * @param file a PNG file
     * @return the labels
     */
    public static LabelImage readLabels(Path file) {
        Decoded d = decode(file, true);
        return new LabelImage(d.grid, d.values);
    }

    /**
     * Reads a grey PNG as floats (the stored sample values, unscaled).
     *
     * @param file a PNG file
     * @return the image
     */
    public static FloatImage readImage(Path file) {
        Decoded d = decode(file, false);
        float[] out = new float[d.values.length];
        for (int i = 0; i < out.length; i++) out[i] = d.values[i];
        return new FloatImage(d.grid, out);
    }

    private record Decoded(Grid grid, int[] values) {}

    private static Decoded decode(Path file, boolean allowPalette) {
        Objects.requireNonNull(file, "file");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(file + ": no such file", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + AtomicFiles.describe(e), e);
        }
        if (bytes.length < 33 || !java.util.Arrays.equals(bytes, 0, 8, SIGNATURE, 0, 8)) {
            throw new ImageFormatException(file, "signature", "not a PNG file (the 8-byte PNG signature is missing)");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int width = b.getInt(16);
        int height = b.getInt(20);
        int bitDepth = bytes[24] & 0xff;
        int colourType = bytes[25] & 0xff;
        if (width <= 0 || height <= 0) {
            throw new ImageFormatException(file, "IHDR", "IHDR size " + width + "x" + height + " is not valid");
        }
        if (colourType != 0 && !(colourType == 3 && allowPalette)) {
            String name = switch (colourType) {
                case 2 -> "RGB";
                case 3 -> "palette";
                case 4 -> "grey + alpha";
                case 6 -> "RGBA";
                default -> "unknown";
            };
            throw new ImageFormatException(file, "IHDR colour type", "IHDR colour type " + colourType + " (" + name
                    + ") is not supported: " + (allowPalette ? "labels must be grey-scale or palette PNGs"
                    : "images must be grey-scale PNGs (8 or 16 bit)"));
        }
        BufferedImage img;
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
        if (!readers.hasNext()) throw new IllegalStateException("no PNG reader available in this Java runtime");
        ImageReader reader = readers.next();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            img = reader.read(0);
        } catch (IOException | RuntimeException e) {
            throw new ImageFormatException(file, "image data", "corrupt or truncated PNG: " + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
        if (img == null) throw new ImageFormatException(file, "image data", "no PNG decoder accepted this file");
        Raster r = img.getRaster();
        if (r.getNumBands() != 1) {
            throw new ImageFormatException(file, "image data", "decoded to " + r.getNumBands() + " bands, expected 1");
        }
        int[] values = r.getSamples(0, 0, width, height, 0, new int[width * height]);
        return new Decoded(Grid.of(new int[] {width, height}, spacing(bytes)), values);
    }

    /** Spacing in mm from the pHYs chunk (unit metre), else 1 x 1 mm. */
    static double[] spacing(byte[] png) {
        ByteBuffer b = ByteBuffer.wrap(png);
        int pos = 8;
        while (pos + 8 <= png.length) {
            int length = b.getInt(pos);
            String type = new String(png, pos + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (length < 0 || type.equals("IDAT") || type.equals("IEND")) break;
            if (type.equals("pHYs") && length == 9 && pos + 17 <= png.length) {
                long ppmX = b.getInt(pos + 8) & 0xffffffffL;
                long ppmY = b.getInt(pos + 12) & 0xffffffffL;
                if (png[pos + 16] == 1 && ppmX > 0 && ppmY > 0) {
                    return new double[] {millimetres(ppmX), millimetres(ppmY)};
                }
                break;
            }
            pos += 12 + length;
        }
        return new double[] {1, 1};
    }

    /** The shortest decimal spacing in mm whose pixels per metre round to {@code ppm}. */
    static double millimetres(long ppm) {
        double exact = 1000.0 / ppm;
        for (int digits = 1; digits <= 12; digits++) {
            double s = new java.math.BigDecimal(exact).round(new java.math.MathContext(digits)).doubleValue();
            if (Math.round(1000.0 / s) == ppm) return s;
        }
        return exact;
    }

    /** Pixels per metre for a spacing in mm, or -1 if it does not fit the pHYs chunk. */
    static long pixelsPerMetre(double mm) {
        double ppm = Math.rint(1000.0 / mm);
        return ppm >= 1 && ppm <= Integer.MAX_VALUE ? (long) ppm : -1;
    }

    // ------------------------------------------------------------------------------------------------ writing

    /**
     * Writes 2D labels as an 8-bit (max label &le; 255) or 16-bit (max label &le; 65535) grey PNG.
     *
     * @param file the file to write
     * @param labels 2D labels
     */
    public static void write(Path file, LabelImage labels) {
        Grid g = require2D(labels.grid(), file);
        int max = labels.maxLabel();
        if (max > 65535) {
            throw new IllegalArgumentException("label " + max + " does not fit in a 16-bit PNG (max 65535): " + file);
        }
        int[] v = labels.data();
        writeGrey(file, g, max <= 255 ? 8 : 16, i -> v[i]);
    }

    /**
     * Writes a 2D float image as a 16-bit grey PNG, exactly or rescaled (see the class documentation).
     *
     * @param file the file to write
     * @param image a 2D image
     */
    public static void write(Path file, FloatImage image) { writeFloat(file, image, 16); }

    /**
     * Writes a 2D float image as an 8-bit grey PNG, exactly or rescaled (see the class documentation).
     *
     * @param file the file to write
     * @param image a 2D image
     */
    public static void write8(Path file, FloatImage image) { writeFloat(file, image, 8); }

    private static void writeFloat(Path file, FloatImage image, int bits) {
        Grid g = require2D(image.grid(), file);
        float[] v = image.data();
        int top = bits == 8 ? 255 : 65535;
        boolean exact = true;
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (float x : v) {
            if (Float.isFinite(x)) {
                if (x < min) min = x;
                if (x > max) max = x;
            }
            if (!(x >= 0 && x <= top && x == Math.rint(x))) exact = false;
        }
        if (exact) {
            writeGrey(file, g, bits, i -> (int) v[i]);
            return;
        }
        double lo = min, span = max - min;
        writeGrey(file, g, bits, i -> {
            float x = v[i];
            if (!Float.isFinite(x) || !(span > 0)) return Float.isInfinite(x) && x > 0 && span >= 0 ? top : 0;
            return (int) Math.round((x - lo) / span * top);
        });
    }

    private static void writeGrey(Path file, Grid g, int bits, java.util.function.IntUnaryOperator value) {
        int w = g.size(0), h = g.size(1);
        BufferedImage img = new BufferedImage(w, h, bits == 8 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_USHORT_GRAY);
        if (bits == 8) {
            byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < px.length; i++) px[i] = (byte) value.applyAsInt(i);
        } else {
            short[] px = ((DataBufferUShort) img.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < px.length; i++) px[i] = (short) value.applyAsInt(i);
        }
        AtomicFiles.write(file, out -> {
            Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
            if (!writers.hasNext()) throw new IOException("no PNG writer available in this Java runtime");
            ImageWriter writer = writers.next();
            java.io.ByteArrayOutputStream encoded = new java.io.ByteArrayOutputStream();
            try (ImageOutputStream ios = new MemoryCacheImageOutputStream(encoded)) {
                writer.setOutput(ios);
                writer.write(img);
            } finally {
                writer.dispose();
            }
            out.write(withPhys(encoded.toByteArray(), g));
        });
    }

    /** {@code png} with a pHYs chunk (unit metre) for the grid's spacing inserted right after IHDR. */
    private static byte[] withPhys(byte[] png, Grid g) {
        long ppmX = pixelsPerMetre(g.spacing(0));
        long ppmY = pixelsPerMetre(g.spacing(1));
        if (ppmX < 0 || ppmY < 0) return png;
        ByteBuffer chunk = ByteBuffer.allocate(21);
        chunk.putInt(9).put("pHYs".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                .putInt((int) ppmX).putInt((int) ppmY).put((byte) 1);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(chunk.array(), 4, 13);
        chunk.putInt((int) crc.getValue());
        int afterIhdr = 8 + 12 + 13;
        byte[] out = new byte[png.length + 21];
        System.arraycopy(png, 0, out, 0, afterIhdr);
        System.arraycopy(chunk.array(), 0, out, afterIhdr, 21);
        System.arraycopy(png, afterIhdr, out, afterIhdr + 21, png.length - afterIhdr);
        return out;
    }

    private static Grid require2D(Grid g, Path file) {
        if (!g.is2D()) {
            throw new IllegalArgumentException("PNG holds 2D images only, but the image is " + g.describeSize()
                    + " (take a slice first): " + file);
        }
        return g;
    }
}
