package org.regionwise.examples.cli;

import java.io.PrintWriter;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.image.SpatialFrame;
import org.regionwise.core.io.Nifti;
import org.regionwise.core.io.NiftiVolume;
import org.regionwise.core.io.Png;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rw info FILE}: what a NIfTI-1 or PNG file holds, and the label histogram of integer images. */
@Command(name = "info", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        header = "Show the grid, datatype, spacing, value range and label histogram of a NIfTI or PNG file.",
        description = {"Show an image's grid size, datatype, spacing (mm), byte order, value range and orientation; for "
                       + "integer-valued images also the label histogram (label, voxel count, percent). Reads NIfTI-1 (.nii, "
                       + ".nii.gz, .hdr/.img; 2D, 3D, 4D), grey-scale PNG and the case files of 'rw preprocess' (.rwcase: header, "
                       + "crop box, checksum, label histogram)."})
public final class InfoCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The image file.")
    Path file;

    @Option(names = "--max-labels", paramLabel = "N", defaultValue = "64",
            description = "Show the histogram only when there are at most N distinct integer values (default: ${DEFAULT-VALUE}).")
    int maxLabels;

    @Override
    public Integer call() {
        if (maxLabels < 0) throw new UserError("--max-labels must be >= 0, got " + maxLabels);
        if (!Files.exists(file)) throw new UserError(file + ": no such file");
        if (Files.isDirectory(file)) throw new UserError(file + ": is a directory, not an image file");
        PrintWriter out = spec.commandLine().getOut();
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png")) {
            png(out);
        } else if (lower.endsWith(org.regionwise.training.cache.CaseFile.EXTENSION)) {
            caseFile(out);
        } else {
            nifti(out);
        }
        out.flush();
        return 0;
    }

    /** A case file of the case cache ({@code rw preprocess}): its header, checksum and label histogram. */
    private void caseFile(PrintWriter out) {
        var c = org.regionwise.training.cache.CachedCase.open(file);
        int[] shape = c.shape(), low = c.cropLow(), size = c.cropSize();
        long voxels = (long) shape[0] * shape[1] * shape[2], kept = (long) size[0] * size[1] * size[2];
        row(out, "file", file.toString());
        row(out, "format", "RegionWise case file (rw preprocess), " + (c.bytes() < 1_000_000 ? String.format(Locale.ROOT, "%.1f kB", c.bytes() / 1e3) : String.format(Locale.ROOT, "%.1f MB", c.bytes() / 1e6)));
        row(out, "size", (c.dimensions() == 2 ? shape[0] + " x " + shape[1] : join(shape)) + " (" + c.dimensions() + "D)");
        row(out, "spacing", join(c.spacing()) + " mm");
        row(out, "crop box", join(low) + " + " + join(size) + String.format(Locale.ROOT, " (%.1f%% of the voxels stored)", 100.0 * kept / voxels));
        row(out, "channels", c.channels() + ", " + c.storage().name().toLowerCase(Locale.ROOT));
        row(out, "classes", Integer.toString(c.classes()));
        row(out, "foreground", String.format(Locale.ROOT, "%d voxels (%.3f%%)", c.foregroundCount(), 100.0 * c.foregroundCount() / voxels));
        try {
            c.verify();
            row(out, "checksum", "CRC32C ok");
        } catch (IllegalArgumentException e) {
            row(out, "checksum", "MISMATCH: the file is damaged; rw preprocess rewrites it with --verify");
        }
        row(out, "source", c.sourceStamp());
        out.println("label histogram (label, voxels, percent):");
        long[] cv = c.classVoxels();
        for (int k = 0; k < cv.length; k++) {
            if (cv[k] > 0) out.printf(Locale.ROOT, "  %5d %12d %8.3f%%%n", k, cv[k], 100.0 * cv[k] / voxels);
        }
    }

    private void nifti(PrintWriter out) {
        NiftiVolume v = Nifti.read(file);
        int[] shape = v.shape();
        row(out, "file", file.toString());
        row(out, "format", "NIfTI-1" + (v.isSingleFile() ? "" : " (.hdr/.img pair)")
                + (v.isCompressed() ? ", gzip-compressed" : "") + ", "
                + (v.byteOrder() == ByteOrder.LITTLE_ENDIAN ? "little-endian" : "big-endian"));
        String size = join(shape) + " (" + shape.length + "D" + (v.volumes() > 1 || shape.length == 4
                ? ": " + v.volumes() + " volume" + (v.volumes() == 1 ? "" : "s") + " of " + join(v.grid().sizes())
                : "") + ")";
        row(out, "size", size);
        row(out, "voxels", String.format(Locale.ROOT, "%d", v.voxelCount()));
        row(out, "datatype", v.datatypeName());
        String spacing = join(v.grid().spacings()) + " mm";
        if (shape.length == 4) spacing += ", 4th axis step " + num(v.pixdim()[3])
                + (v.timeUnit().equals("unknown") ? "" : " " + v.timeUnit());
        row(out, "spacing", spacing);
        row(out, "byte order", v.byteOrder() == ByteOrder.LITTLE_ENDIAN ? "little-endian" : "big-endian");
        row(out, "scaling", v.isScaled() ? "scl_slope " + num(v.sclSlope()) + ", scl_inter " + num(v.sclInter()) : "none");
        double[] range = v.range();
        row(out, "value range", num(range[0]) + " .. " + num(range[1]));
        SpatialFrame f = v.frame();
        String source = f.sformCode() > 0 ? "from sform" : f.qformCode() > 0 ? "from qform" : "no qform/sform: assumed";
        row(out, "orientation", v.orientation() + " (" + source + "; qform code " + f.qformCode() + " "
                + frameName(f.qformCode()) + ", sform code " + f.sformCode() + " " + frameName(f.sformCode()) + ")");
        double[][] a = v.affine();
        row(out, "origin", "(" + num(a[0][3]) + ", " + num(a[1][3]) + ", " + num(a[2][3]) + ") mm");
        if (!v.description().isEmpty()) row(out, "description", v.description());
        if (v.isIntegerValued()) {
            TreeMap<Long, Long> h = new TreeMap<>();
            long n = v.voxelCount();
            for (long i = 0; i < n; i++) {
                h.merge((long) v.value(i), 1L, Long::sum);
                if (h.size() > maxLabels) break;
            }
            histogram(out, h, n);
        } else {
            row(out, "labels", "not an integer-valued image (no label histogram)");
        }
    }

    private void png(PrintWriter out) {
        LabelImage l = Png.readLabels(file);
        row(out, "file", file.toString());
        row(out, "format", "PNG, grey-scale or palette");
        row(out, "size", join(l.grid().sizes()) + " (2D)");
        row(out, "voxels", Integer.toString(l.grid().voxelCount()));
        row(out, "spacing", join(l.grid().spacings()) + " mm (from the pHYs chunk; 1 mm when it is absent)");
        int min = Integer.MAX_VALUE, max = 0;
        TreeMap<Long, Long> h = new TreeMap<>();
        for (int x : l.data()) {
            min = Math.min(min, x);
            max = Math.max(max, x);
            if (h.size() <= maxLabels) h.merge((long) x, 1L, Long::sum);
        }
        row(out, "value range", min + " .. " + max);
        histogram(out, h, l.grid().voxelCount());
    }

    private void histogram(PrintWriter out, TreeMap<Long, Long> h, long total) {
        if (h.size() > maxLabels) {
            row(out, "labels", "more than " + maxLabels + " distinct integer values (histogram not shown; raise --max-labels)");
            return;
        }
        row(out, "labels", h.size() + " distinct value" + (h.size() == 1 ? "" : "s"));
        out.printf(Locale.ROOT, "  %10s %14s %9s%n", "label", "voxels", "percent");
        for (Map.Entry<Long, Long> e : h.entrySet()) {
            out.printf(Locale.ROOT, "  %10d %14d %8.3f%%%n", e.getKey(), e.getValue(), 100.0 * e.getValue() / total);
        }
    }

    private static void row(PrintWriter out, String key, String value) {
        out.printf(Locale.ROOT, "%-12s %s%n", key + ":", value);
    }

    private static String frameName(int code) {
        return switch (code) {
            case 0 -> "(unknown)";
            case 1 -> "(scanner)";
            case 2 -> "(aligned)";
            case 3 -> "(Talairach)";
            case 4 -> "(MNI 152)";
            case 5 -> "(template)";
            default -> "(non-standard)";
        };
    }

    private static String join(int[] v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) b.append(i > 0 ? " x " : "").append(v[i]);
        return b.toString();
    }

    private static String join(double[] v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) b.append(i > 0 ? " x " : "").append(num(v[i]));
        return b.toString();
    }

    /** Shortest faithful form of a header number: 0.9 for 0.9f, 2.2 for 2.19999909, 1234 for 1234.0. */
    static String num(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) return s;
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
