package org.regionwise.tensorflow.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.regionwise.core.backend.ModelSpec;

/** Reads and writes a {@link ModelSpec.UNet} as {@code model.properties}. */
public final class SpecFile {
    public static final String NAME = "model.properties";

    private SpecFile() {}

    public static void write(ModelSpec.UNet s, Path directory) {
        Properties p = new Properties();
        p.setProperty("format", "regionwise-tensorflow-unet-1");
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
        try (Writer w = Files.newBufferedWriter(directory.resolve(NAME), StandardCharsets.UTF_8)) {
            p.store(w, "RegionWise U-Net");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + directory.resolve(NAME), e);
        }
    }

    public static ModelSpec.UNet read(Path directory) {
        Path f = directory.resolve(NAME);
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model description " + f + " (is " + directory + " a saved RegionWise model?)", e);
        }
        try {
            return new ModelSpec.UNet(i(p, "dimensions"), i(p, "inputChannels"), i(p, "classes"), i(p, "depth"),
                    i(p, "baseFilters"), i(p, "maxFilters"), ModelSpec.Normalization.valueOf(p.getProperty("normalization")),
                    ModelSpec.Upsampling.valueOf(p.getProperty("upsampling")), Boolean.parseBoolean(p.getProperty("deepSupervision")),
                    Long.parseLong(p.getProperty("seed")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid model description " + f + ": " + e.getMessage(), e);
        }
    }

    private static int i(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) throw new IllegalArgumentException("missing key '" + key + "'");
        return Integer.parseInt(v.trim());
    }
}
