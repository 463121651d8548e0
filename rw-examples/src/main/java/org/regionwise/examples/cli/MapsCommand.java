package org.regionwise.examples.cli;

import org.regionwise.core.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.io.Nifti;
import org.regionwise.core.io.NiftiVolume;
import org.regionwise.core.map.DistanceUnits;
import org.regionwise.core.map.MapSpec;
import org.regionwise.core.map.RegionWiseMap;
import org.regionwise.maps.RegionWiseMaps;
import org.regionwise.maps.StabilityDiagnostic;
import org.regionwise.maps.StabilityReport;
import org.regionwise.maps.distance.EuclideanDistanceTransform;
import org.regionwise.maps.NamedMaps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rw maps}: computes a region-wise map of a label volume and writes it as one 4D float32 NIfTI (4th axis =
 * class) on the input's grid, optionally with the stability diagnostic and PNG renderings.
 */
@Command(name = "maps", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        header = "Compute a region-wise map of a label image and write it as a 4D NIfTI.",
        description = {"Compute the region-wise (RW) map Z of a 2D or 3D label image (NIfTI, integer datatype) and write it "
                       + "as one 4D float32 NIfTI whose 4th axis is the class, on the input's grid. Maps: rrw (rectified RW: "
                       + "-d/max d inside, +1 outside), boundary (RW paper's signed distance), boundary-kervadec (Kervadec's "
                       + "signed distance, mm), ac (1 - Y), class-balanced (RRW with outside values 0.95/0.05, K = 2 only), rrw-balanced (RRW with each voxel scaled by n_min/n_c from the label counts), "
                       + "unet-border (U-Net border weights, w0 = 10, sigma = 5 voxels)."})
public final class MapsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--labels", required = true, paramLabel = "L.nii.gz", description = "The label image (2D or 3D, integer datatype).")
    Path labelsFile;

    @Option(names = "--classes", required = true, paramLabel = "K", description = "Number of classes K (labels 0..K-1).")
    int classes;

    @Option(names = "--map", required = true, paramLabel = "NAME",
            description = "rrw, rrw-balanced, boundary, boundary-kervadec, ac, class-balanced or unet-border.")
    String mapName;

    @Option(names = "--out", required = true, paramLabel = "Z.nii.gz", description = "Output 4D NIfTI (.nii or .nii.gz).")
    Path out;

    @Option(names = "--physical-spacing",
            description = "Measure distances in mm with the image spacing (default: voxel units, as the paper; "
                    + "boundary-kervadec always uses mm, like Kervadec's one_hot2dist).")
    boolean physicalSpacing;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for the distance transforms (default: all cores).")
    @Nullable Integer threads;

    @Option(names = "--check", description = "Print the stability diagnostic (ordering per voxel, range, boundedness).")
    boolean check;

    @Option(names = "--png", paramLabel = "DIR",
            description = "Also render each class map (3D: the middle axial slice) as DIR/class-K.png; blue negative, white 0, red positive.")
    @Nullable Path pngDir;

    @Override
    public Integer call() {
        if (classes < 1) throw new UserError("--classes must be >= 1, got " + classes);
        if (threads != null && threads < 1) throw new UserError("--threads must be >= 1, got " + threads);
        Map<String, MapSpec> named = NamedMaps.all();
        MapSpec mapSpec = named.get(mapName);
        if (mapSpec == null) {
            throw new UserError("unknown map '" + mapName + "'; choose one of " + String.join(", ", new java.util.TreeSet<>(named.keySet())));
        }
        if (physicalSpacing) mapSpec = physical(mapSpec);
        String outName = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!outName.endsWith(".nii") && !outName.endsWith(".nii.gz")) {
            throw new UserError("--out " + out + ": the output must be a NIfTI file ending in .nii or .nii.gz");
        }
        if (!Files.isRegularFile(labelsFile)) throw new UserError(labelsFile + ": no such file");

        NiftiVolume volume = Nifti.read(labelsFile);
        if (volume.dimensions() == 4) {
            throw new UserError(labelsFile + ": is a 4D image (" + join(volume.shape())
                    + "); rw maps needs a 2D or 3D label image");
        }
        if (!volume.datatype().isInteger()) {
            throw new UserError(labelsFile + ": has datatype " + volume.datatypeName()
                    + "; a label image must be stored with an integer datatype (uint8, int16, ...)");
        }
        LabelImage labels = volume.toLabelImage();
        if (labels.maxLabel() >= classes) {
            throw new UserError(labelsFile + ": has label " + labels.maxLabel() + " but --classes is " + classes
                    + " (labels must lie in 0.." + (classes - 1) + ")");
        }

        EuclideanDistanceTransform edt = EuclideanDistanceTransform.create();
        if (threads != null) edt = edt.threads(threads);
        RegionWiseMap map = RegionWiseMaps.create(mapSpec, edt);
        long t0 = System.nanoTime();
        ClassMaps z = map.compute(labels, classes);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Nifti.write(out, z);

        PrintWriter pw = spec.commandLine().getOut();
        double[] range = z.range();
        pw.printf(Locale.ROOT, "%s: %s map, K=%d, %s, values [%.4g, %.4g], computed in %.2f s (%d threads)%n",
                out, mapSpec.id(), classes, labels.grid().describeSize(), range[0], range[1], seconds, edt.threads());
        if (check) {
            StabilityReport r = StabilityDiagnostic.check(z, labels, map);
            pw.println("stability: " + r.summary());
        }
        if (pngDir != null) {
            for (int k = 0; k < classes; k++) {
                Path png = pngDir.resolve("class-" + k + ".png");
                writePng(png, middleSlice(z.map(k)));
                pw.println("wrote " + png);
            }
        }
        pw.flush();
        return 0;
    }

    /** The same map with distances in mm. */
    private static MapSpec physical(MapSpec s) {
        if (s instanceof MapSpec.Rectified) return new MapSpec.Rectified(DistanceUnits.PHYSICAL);
        if (s instanceof MapSpec.Boundary b) return new MapSpec.Boundary(b.variant(), DistanceUnits.PHYSICAL);
        if (s instanceof MapSpec.ClassBalanced c) return new MapSpec.ClassBalanced(c.outside(), DistanceUnits.PHYSICAL);
        if (s instanceof MapSpec.FrequencyBalanced) return new MapSpec.FrequencyBalanced(DistanceUnits.PHYSICAL);
        if (s instanceof MapSpec.UNetBorder) {
            throw new UserError("--physical-spacing does not apply to unet-border (sigma is in voxels)");
        }
        return s;   // ac has no distances
    }

    private static FloatImage middleSlice(FloatImage m) {
        return m.grid().is2D() ? m : m.slice(2, m.grid().size(2) / 2);
    }

    /**
     * Diverging colormap, symmetric around 0: {@code -max|z|} blue (0, 0, 255), 0 white, {@code +max|z|} red
     * (255, 0, 0); image row {@code y}, column {@code x}.
     */
    static void writePng(Path file, FloatImage m) {
        int nx = m.grid().size(0), ny = m.grid().size(1);
        float[] d = m.data();
        double scale = 0;
        for (float v : d) if (Float.isFinite(v)) scale = Math.max(scale, Math.abs(v));
        if (scale == 0) scale = 1;
        BufferedImage img = new BufferedImage(nx, ny, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                double t = Math.max(-1, Math.min(1, d[x + nx * y] / scale));
                int fade = (int) Math.round(255 * (1 - Math.abs(t)));
                int rgb = t >= 0 ? (255 << 16) | (fade << 8) | fade : (fade << 16) | (fade << 8) | 255;
                img.setRGB(x, y, rgb);
            }
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFiles.write(file, o -> {
                if (!ImageIO.write(img, "png", o)) throw new IllegalStateException("no PNG writer available");
            });
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write PNG (" + e.getMessage() + ")", e);
        }
    }

    private static String join(int[] v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) b.append(i > 0 ? " x " : "").append(v[i]);
        return b.toString();
    }
}
