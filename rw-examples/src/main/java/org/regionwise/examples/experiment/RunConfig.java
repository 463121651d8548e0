package org.regionwise.examples.experiment;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.regionwise.core.io.AtomicFiles;
import org.regionwise.examples.data.Dataset;
import org.regionwise.examples.data.IntensityNormalization;

/**
 * What {@code rw predict} needs to know about a trained run, stored as {@code RUN_DIR/config.properties} next to the
 * model: the backend, the classes, how intensities were normalised and along which axis volumes were sliced, plus
 * the dataset, loss, seed and training settings for the record.
 *
 * @param dataset       dataset name
 * @param classNames    class names, index = label
 * @param loss          loss name
 * @param seed          training seed
 * @param backend       backend name
 * @param normalization intensity normalisation of the training images
 * @param sliceAxis     axis along which 3D volumes are sliced
 * @param settings      training settings
 */
public record RunConfig(String dataset, List<String> classNames, String loss, long seed, String backend,
                        IntensityNormalization normalization, int sliceAxis, TrainingSettings settings) {
    /**
     * Checks that every field is given and copies the class names.
     *
     * @param dataset dataset name
     * @param classNames class names, index = label
     * @param loss loss name
     * @param seed training seed
     * @param backend backend name
     * @param normalization intensity normalisation of the training images
     * @param sliceAxis axis along which 3D volumes are sliced
     * @param settings training settings
     */
    public RunConfig {
        Objects.requireNonNull(dataset, "dataset");
        classNames = List.copyOf(classNames);
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(normalization, "normalization");
        Objects.requireNonNull(settings, "settings");
    }

    /** The file in a run directory. */
    public static final String FILE = "config.properties";

    /**
     * The configuration of a run of {@code d}.
     *
     * @param d the dataset
     * @param loss the loss name
     * @param seed the seed
     * @param backend the backend's name
     * @param settings the training settings
     * @return the configuration
     */
    public static RunConfig of(Dataset d, String loss, long seed, String backend, TrainingSettings settings) {
        return new RunConfig(d.name(), d.classNames(), loss, seed, backend, d.normalization(), d.sliceAxis(), settings);
    }

    /**
     * Writes {@value #FILE} into {@code runDir}.
     *
     * @param runDir the run directory
     */
    public void write(Path runDir) {
        Properties p = new Properties();
        p.setProperty("dataset", dataset);
        p.setProperty("classes", String.join(",", classNames));
        p.setProperty("loss", loss);
        p.setProperty("seed", Long.toString(seed));
        p.setProperty("backend", backend);
        p.setProperty("normalization", normalization.format());
        p.setProperty("slice_axis", Integer.toString(sliceAxis));
        for (Map.Entry<String, String> e : settings.describe().entrySet()) p.setProperty("train." + e.getKey(), e.getValue());
        StringWriter w = new StringWriter();
        try {
            p.store(w, "rw train run configuration");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.writeString(runDir.resolve(FILE), w.toString());
    }

    /**
     * Reads {@code RUN_DIR/config.properties}; a missing or broken file names the run directory.
     *
     * @param runDir the run directory
     * @return the configuration
     */
    public static RunConfig read(Path runDir) {
        Path f = runDir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            throw new IllegalArgumentException(runDir + " is not a run directory of rw train: " + f + " is missing");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
        try {
            TrainingSettings s = TrainingSettings.fromDescription(k -> req(p, "train." + k))
                    .withDimensions(Integer.parseInt(p.getProperty("train.dimensions", "2").trim()));
            return new RunConfig(req(p, "dataset"), Arrays.asList(req(p, "classes").split(",")), req(p, "loss"),
                    Long.parseLong(req(p, "seed")), req(p, "backend"), IntensityNormalization.parse(req(p, "normalization")),
                    intOf(p, "slice_axis"), s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(f + ": bad number: " + e.getMessage(), e);
        }
    }

    private static String req(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) throw new IllegalArgumentException(FILE + " has no '" + key + "'");
        return v.trim();
    }

    private static int intOf(Properties p, String key) { return Integer.parseInt(req(p, key)); }
}
