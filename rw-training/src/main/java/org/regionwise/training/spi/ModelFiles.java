package org.regionwise.training.spi;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.regionwise.core.backend.ModelSpec;

/**
 * {@code model.properties}: the {@link ModelSpec.UNet} of a saved model or checkpoint and the engine that wrote it
 * ({@code format = regionwise-<engine>-unet-1}), beside the engine's own weight files.
 */
public final class ModelFiles {
    /** The file's name in a model directory. */
    public static final String NAME = "model.properties";
    private static final String FORMAT_PREFIX = "regionwise-", FORMAT_SUFFIX = "-unet-1";

    private ModelFiles() {}

    /**
     * Writes {@code s} as written by engine {@code engine} ({@link Engine#name()}).
     *
     * @param s the spec
     * @param directory the model directory
     * @param engine the engine's name
     */
    public static void write(ModelSpec.UNet s, Path directory, String engine) {
        Properties p = new Properties();
        p.setProperty("format", FORMAT_PREFIX + engine + FORMAT_SUFFIX);
        p.setProperty("dimensions", Integer.toString(s.dimensions()));
        p.setProperty("inputChannels", Integer.toString(s.inputChannels()));
        p.setProperty("classes", Integer.toString(s.classes()));
        p.setProperty("depth", Integer.toString(s.depth()));
        p.setProperty("baseFilters", Integer.toString(s.baseFilters()));
        p.setProperty("maxFilters", Integer.toString(s.maxFilters()));
        p.setProperty("normalization", s.normalization().name());
        p.setProperty("upsampling", s.upsampling().name());
        p.setProperty("deepSupervision", Boolean.toString(s.deepSupervision()));
        p.setProperty("seed", Long.toString(s.seed()));
        p.setProperty("convKernels", org.regionwise.core.backend.Pooling.format(s.convKernels()));
        p.setProperty("poolStrides", org.regionwise.core.backend.Pooling.format(s.poolStrides()));
        try (Writer w = Files.newBufferedWriter(directory.resolve(NAME), StandardCharsets.UTF_8)) {
            p.store(w, "RegionWise U-Net");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + directory.resolve(NAME), e);
        }
    }

    /**
     * The spec saved in {@code directory}.
     *
     * @param directory the model directory
     * @return the spec
     */
    public static ModelSpec.UNet read(Path directory) {
        Properties p = load(directory);
        Path f = directory.resolve(NAME);
        try {
            return new ModelSpec.UNet(i(p, "dimensions"), i(p, "inputChannels"), i(p, "classes"), i(p, "depth"),
                    i(p, "baseFilters"), i(p, "maxFilters"), ModelSpec.Normalization.valueOf(p.getProperty("normalization")),
                    ModelSpec.Upsampling.valueOf(p.getProperty("upsampling")), Boolean.parseBoolean(p.getProperty("deepSupervision")),
                    Long.parseLong(p.getProperty("seed")),
                    // absent in models written before anisotropic U-Nets: isotropic
                    org.regionwise.core.backend.Pooling.parse(p.getProperty("convKernels", "")),
                    org.regionwise.core.backend.Pooling.parse(p.getProperty("poolStrides", "")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid model description " + f + ": " + e.getMessage(), e);
        }
    }

    /**
     * The spec saved in {@code directory}, which engine {@code engine} must have written; otherwise an
     * {@link IllegalArgumentException} naming the engine that did.
     *
     * @param directory the model directory
     * @param engine the engine that must have written it
     * @return the spec
     */
    public static ModelSpec.UNet read(Path directory, String engine) {
        String format = load(directory).getProperty("format", "");
        String wrote = format.startsWith(FORMAT_PREFIX) && format.endsWith(FORMAT_SUFFIX)
                ? format.substring(FORMAT_PREFIX.length(), format.length() - FORMAT_SUFFIX.length()) : null;
        if (wrote == null) {
            throw new IllegalArgumentException("invalid model description " + directory.resolve(NAME) + ": unknown format '" + format + "'");
        }
        if (!wrote.equals(engine)) {
            throw new IllegalArgumentException(directory + " holds a model of the '" + wrote + "' engine, not '" + engine
                    + "'; load it with --backend " + wrote);
        }
        return read(directory);
    }

    private static Properties load(Path directory) {
        Path f = directory.resolve(NAME);
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model description " + f + " (is " + directory + " a saved RegionWise model?)", e);
        }
        return p;
    }

    private static int i(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) throw new IllegalArgumentException("missing key '" + key + "'");
        return Integer.parseInt(v.trim());
    }
}
