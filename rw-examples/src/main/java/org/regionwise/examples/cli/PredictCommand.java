package org.regionwise.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.regionwise.core.backend.TrainedModel;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.io.Nifti;
import org.regionwise.core.io.Png;
import org.regionwise.examples.experiment.Backends;
import org.regionwise.examples.experiment.RunConfig;
import org.regionwise.examples.experiment.SliceWiseSegmentation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rw predict}: segments NIfTI volumes or PNG images with a model trained by {@code rw train}. */
@Command(name = "predict", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        header = "Segment NIfTI or PNG images with a model trained by 'rw train'.",
        description = {"NIfTI in (.nii, .nii.gz; 2D or 3D): "
                       + "a label NIfTI out on the input's grid (3D volumes slice by slice along the training axis). PNG in: a "
                       + "label PNG out (pixel value = class). Intensities are normalised as in training. A folder input "
                       + "segments every image in it into the --out folder (nnU-Net names CASE_0000.nii.gz become "
                       + "CASE.nii.gz)."})
public final class PredictCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    /** Resolves {@code --backend} names; tests replace it with an instant backend. */
    java.util.function.Function<String, org.regionwise.core.backend.TrainingBackend> backends = Backends::byName;

    @Option(names = "--model", required = true, paramLabel = "RUN_DIR", description = "Run directory written by 'rw train'.")
    Path model;

    @Option(names = {"--input", "-i"}, required = true, paramLabel = "FILE_OR_DIR", description = "Image file or folder of images.")
    Path input;

    @Option(names = {"--out", "-o"}, required = true, paramLabel = "FILE_OR_DIR", description = "Label file, or folder for a folder input.")
    Path out;

    @Override public Integer call() throws IOException {
        RunConfig config = RunConfig.read(model);
        if (!Files.exists(input)) throw new IllegalArgumentException("--input " + input + ": no such file or folder");
        PrintWriter o = spec.commandLine().getOut();
        List<Path[]> jobs = new ArrayList<>();
        if (Files.isDirectory(input)) {
            if (Files.exists(out) && !Files.isDirectory(out)) throw new IllegalArgumentException("--out " + out + " must be a folder when --input is a folder");
            Files.createDirectories(out);
            try (Stream<Path> s = Files.list(input)) {
                for (Path p : s.sorted().toList()) if (supported(p)) jobs.add(new Path[] {p, out.resolve(outputName(p))});
            }
            if (jobs.isEmpty()) throw new IllegalArgumentException("--input " + input + " holds no .nii, .nii.gz or .png image");
        } else {
            if (!supported(input)) throw new IllegalArgumentException("--input " + input + ": not a .nii, .nii.gz or .png file");
            if (Files.isDirectory(out)) out = out.resolve(outputName(input));
            if (out.getParent() != null) Files.createDirectories(out.getParent());
            jobs.add(new Path[] {input, out});
        }
        try (TrainedModel m = backends.apply(config.backend()).load(model.resolve("model"))) {
            if (m.spec().classes() != config.classNames().size()) {
                throw new IllegalArgumentException(model + ": the model has " + m.spec().classes() + " classes but config.properties lists "
                        + config.classNames().size());
            }
            for (Path[] j : jobs) {
                LabelImage labels = segment(m, config, j[0]);
                if (isPng(j[0])) Png.write(j[1], labels);
                else Nifti.write(j[1], labels);
                o.printf(Locale.ROOT, "%s -> %s (%s, classes present: %s)%n", j[0], j[1], labels.grid().describeSize(), labels.histogram().keySet());
            }
        }
        o.flush();
        return 0;
    }

    /** Normalises {@code file}'s image like the training data and segments it (3D: slice by slice). */
    static LabelImage segment(TrainedModel m, RunConfig config, Path file) {
        FloatImage raw = isPng(file) ? Png.readImage(file) : Nifti.readImage(file);
        float[] v = raw.data().clone();
        config.normalization().apply(v);
        FloatImage image = new FloatImage(raw.grid(), v);
        return SliceWiseSegmentation.segment(m, image, config.sliceAxis());
    }

    static boolean isPng(Path p) { return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"); }

    static boolean supported(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && (n.endsWith(".nii") || n.endsWith(".nii.gz") || n.endsWith(".png"));
    }

    /** {@code CASE_0000.nii.gz -> CASE.nii.gz}; other names unchanged. */
    static String outputName(Path p) {
        String n = p.getFileName().toString();
        for (String ext : new String[] {".nii.gz", ".nii"}) {
            if (n.endsWith("_0000" + ext)) return n.substring(0, n.length() - ext.length() - 5) + ext;
        }
        return n;
    }
}
