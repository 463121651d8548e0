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
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.Precision;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rw predict}: segments NIfTI volumes or PNG images with a model trained by {@code rw train}. */
@Command(name = "predict", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        header = "Segment NIfTI or PNG images with a model trained by 'rw train'.",
        description = {"NIfTI in (.nii, .nii.gz; 2D or 3D): "
                       + "a label NIfTI out on the input's grid (3D volumes slice by slice along the training axis). PNG in: a "
                       + "label PNG out (pixel value = class). Intensities are normalised as in training. A folder input "
                       + "segments every image in it into the --out folder (nnU-Net names CASE_0000.nii.gz become "
                       + "CASE.nii.gz). For a model of several input channels, give each case's channel-0 file CASE_0000.nii.gz "
                       + "(or a folder of them): CASE_0001... are read from beside it."})
public final class PredictCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    /** Resolves {@code --backend} names; tests replace it with an instant backend. */
    java.util.function.BiFunction<String, Precision, org.regionwise.core.backend.TrainingBackend> backends = Backends::byName;

    @Mixin PrecisionOption precision = new PrecisionOption();


    @Option(names = "--model", required = true, paramLabel = "RUN_DIR", description = "Run directory written by 'rw train'.")
    Path model;

    @Option(names = {"--input", "-i"}, required = true, paramLabel = "FILE_OR_DIR", description = "Image file or folder of images.")
    Path input;

    @Option(names = {"--out", "-o"}, required = true, paramLabel = "FILE_OR_DIR", description = "Label file, or folder for a folder input.")
    Path out;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "1",
            description = "Cases segmented in parallel, each worker with its own copy of the model and one case in memory "
                    + "(default: ${DEFAULT-VALUE}; more overlap reading and writing with the network).")
    int workers;

    @Option(names = "--skip-existing", description = "Keep outputs that already exist (a killed folder prediction continues where it "
            + "stopped: every output is written atomically, so an existing one is complete).")
    boolean skipExisting;

    @Option(names = "--sliding-window", description = "Segment each slice by windows of the training patch size, blended with "
            + "nnU-Net's Gaussian weights (sigma = window/8), instead of in one pass over the whole slice. A 3D model always "
            + "segments volumes by 3D windows of its patch.")
    boolean slidingWindow;

    @Option(names = "--step", paramLabel = "S", defaultValue = "0.5",
            description = "With --sliding-window: the step between windows as a fraction of the window (default: ${DEFAULT-VALUE}).")
    double step;

    @Option(names = "--tta", description = "Test-time augmentation: average each pass over the input mirrored along x, y and both "
            + "(a 3D model: over the 7 non-empty subsets of x, y, z).")
    boolean tta;

    @Mixin ProgressOptions progress = new ProgressOptions();

    /** {@code m} predicting as --sliding-window, --step and --tta say (a 3D model always by windows of its patch). */
    private TrainedModel withInference(TrainedModel m, RunConfig config) {
        // a 3D network always predicts by windows of its training patch: a whole-volume pass would hold every
        // feature map of the volume at once
        boolean windows = slidingWindow || m.spec() instanceof ModelSpec.UNet u && u.dimensions() == 3;
        var s = new org.regionwise.examples.experiment.RunFile.Scoring(windows ? true : null, step, tta ? true : null);
        try {
            return org.regionwise.examples.experiment.Experiment.segmenting(m, s, config.settings().patchSize());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    @Override public Integer call() throws IOException {
        RunConfig config = RunConfig.read(model);
        if (!Files.exists(input)) throw new IllegalArgumentException("--input " + input + ": no such file or folder");
        if (workers < 1) throw new IllegalArgumentException("--workers must be >= 1, got " + workers);
        PrintWriter o = spec.commandLine().getOut();
        List<Path[]> jobs = new ArrayList<>();
        if (Files.isDirectory(input)) {
            if (Files.exists(out) && !Files.isDirectory(out)) throw new IllegalArgumentException("--out " + out + " must be a folder when --input is a folder");
            try (Stream<Path> s = Files.list(input)) {
                for (Path p : s.sorted().toList()) if (supported(p)) jobs.add(new Path[] {p, out.resolve(outputName(p))});
            }
            if (jobs.isEmpty()) throw new IllegalArgumentException("--input " + input + " holds no .nii, .nii.gz or .png image");
        } else {
            if (!supported(input)) throw new IllegalArgumentException("--input " + input + ": not a .nii, .nii.gz or .png file");
            if (Files.isDirectory(out)) out = out.resolve(outputName(input));
            jobs.add(new Path[] {input, out});
        }
        List<TrainedModel> models = new ArrayList<>();
        try {
            if (!(step > 0 && step <= 1)) throw new UserError("--step must be in (0, 1], got " + step);
            models.add(withInference(backends.apply(config.backend(), precision.value).load(model.resolve("model")), config));
            TrainedModel m = models.get(0);
            if (m.spec().classes() != config.classNames().size()) {
                throw new IllegalArgumentException(model + ": the model has " + m.spec().classes() + " classes but config.properties lists "
                        + config.classNames().size());
            }
            int channels = m.spec() instanceof ModelSpec.UNet u ? u.inputChannels() : 1;
            if (channels > 1) jobs = caseJobs(jobs, channels);
            // every input is checked before anything is written: a bad case leaves no output behind
            List<List<Path>> inputs = new ArrayList<>();
            for (Path[] j : jobs) inputs.add(channelFiles(j[0], channels));
            List<Integer> todo = new ArrayList<>();
            for (int i = 0; i < jobs.size(); i++) if (!(skipExisting && Files.isRegularFile(jobs.get(i)[1]))) todo.add(i);
            int skipped = jobs.size() - todo.size();
            if (skipped > 0) o.printf(Locale.ROOT, "%d of %d outputs exist and are kept (--skip-existing)%n", skipped, jobs.size());
            int n = Math.min(workers, Math.max(1, todo.size()));
            for (int k = 1; k < n; k++) models.add(withInference(backends.apply(config.backend(), precision.value).load(model.resolve("model")), config));
            java.util.concurrent.BlockingQueue<TrainedModel> free = new java.util.concurrent.LinkedBlockingQueue<>(models);
            int[] done = {skipped};
            List<Path[]> js = jobs;
            try (CaseProgress p = new CaseProgress("predict", spec.commandLine().getErr(), progress)) {
                p.start(jobs.size());
                java.util.function.Consumer<Integer> one = i -> {
                    Path[] j = js.get(i);
                    TrainedModel mm;
                    try {
                        mm = free.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", e);
                    }
                    LabelImage labels;
                    try {
                        labels = segment(mm, config, inputs.get(i));
                    } finally {
                        free.add(mm);
                    }
                    try {
                        if (j[1].getParent() != null) Files.createDirectories(j[1].getParent());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    if (isPng(j[0])) Png.write(j[1], labels);
                    else Nifti.write(j[1], labels);
                    synchronized (done) {
                        done[0]++;
                        o.printf(Locale.ROOT, "%s -> %s (%s, classes present: %s)%n", j[0], j[1], labels.grid().describeSize(), labels.histogram().keySet());
                        o.flush();
                        p.done(done[0], j[1].getFileName().toString(), "written");
                    }
                };
                org.regionwise.examples.data.internal.ParallelCases.forEach(todo, n, "rw-predict", one);
            }
        } finally {
            for (TrainedModel m : models) m.close();
        }
        o.flush();
        return 0;
    }

    /** Normalises {@code file}'s image like the training data and segments it (3D: slice by slice). */
    static LabelImage segment(TrainedModel m, RunConfig config, Path file) { return segment(m, config, List.of(file)); }

    /** Normalises each channel's image like the training data and segments the case (3D: slice by slice). */
    static LabelImage segment(TrainedModel m, RunConfig config, List<Path> channelFiles) {
        List<FloatImage> images = new ArrayList<>();
        for (Path file : channelFiles) {
            FloatImage raw = isPng(file) ? Png.readImage(file) : Nifti.readImage(file);
            float[] v = raw.data().clone();
            config.normalization().apply(v);
            images.add(new FloatImage(raw.grid(), v));
        }
        for (int c = 1; c < images.size(); c++) {
            if (!images.get(c).grid().sameShape(images.get(0).grid())) {
                throw new IllegalArgumentException(channelFiles.get(c) + " is " + images.get(c).grid().describeSize() + " but "
                        + channelFiles.get(0) + " is " + images.get(0).grid().describeSize());
            }
        }
        return SliceWiseSegmentation.segment(m, images, config.sliceAxis());
    }

    /**
     * For a model of several input channels, the jobs of whole cases: nnU-Net channel-0 files {@code CASE_0000.nii.gz}
     * stand for their case (other channel files of a folder are skipped); any other name is an error.
     */
    static List<Path[]> caseJobs(List<Path[]> jobs, int channels) {
        List<Path[]> out = new ArrayList<>();
        for (Path[] j : jobs) {
            String n = j[0].getFileName().toString();
            if (channelIndex(n) == 0) out.add(j);
            else if (channelIndex(n) < 0 || jobs.size() == 1) {
                throw new IllegalArgumentException("the model takes " + channels + " input channels: give the channel-0 file of a case, "
                        + "named CASE_0000.nii.gz (nnU-Net), with CASE_0001... beside it; got " + j[0]);
            }
        }
        if (out.isEmpty()) throw new IllegalArgumentException("the model takes " + channels + " input channels but no CASE_0000.nii(.gz) file was given");
        return out;
    }

    /** The files of every channel of the case whose channel-0 file is {@code first} (just {@code first} for one channel). */
    static List<Path> channelFiles(Path first, int channels) {
        if (channels == 1) return List.of(first);
        String n = first.getFileName().toString();
        String ext = n.toLowerCase(Locale.ROOT).endsWith(".nii.gz") ? ".nii.gz" : ".nii";
        String stem = n.substring(0, n.length() - ext.length() - 5);
        List<Path> files = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            Path f = first.resolveSibling(String.format(Locale.ROOT, "%s_%04d%s", stem, c, n.substring(n.length() - ext.length())));
            if (!Files.isRegularFile(f)) throw new IllegalArgumentException("case " + stem + ": channel " + c + " file " + f + " is missing");
            files.add(f);
        }
        return files;
    }

    /** The channel number of an nnU-Net image name {@code CASE_000c.nii(.gz)}, or -1 for another name. */
    static int channelIndex(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String ext = lower.endsWith(".nii.gz") ? ".nii.gz" : lower.endsWith(".nii") ? ".nii" : null;
        if (ext == null || name.length() < ext.length() + 5) return -1;
        String tail = name.substring(name.length() - ext.length() - 5, name.length() - ext.length());
        return tail.matches("_\\d{4}") ? Integer.parseInt(tail.substring(1)) : -1;
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
