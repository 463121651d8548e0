package org.regionwise.examples.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Dataset names as typed on the command line: {@code synthetic-cardiac}, {@code synthetic-kidney},
 * {@code synthetic-lesions}, {@code colin27-brain}, {@code colin27-subcortical}, {@code nnunet:/path/to/DatasetXXX}.
 *
 * @param synthetic options of the synthetic phantoms
 * @param colin27   options of the Colin27 tasks
 * @param nnunet    options of nnU-Net folders
 */
public record DatasetRegistry(SyntheticDatasets.Options synthetic, Colin27.Options colin27, NnUnetDataset.Options nnunet) {

    /**
     * Default options everywhere.
     *
     * @return the registry
     */
    public static DatasetRegistry defaults() {
        return new DatasetRegistry(SyntheticDatasets.Options.defaults(), Colin27.Options.defaults(), NnUnetDataset.Options.defaults());
    }

    /**
     * The names of the embedded synthetic datasets (the default of {@code rw compare}).
     *
     * @return the names
     */
    public static List<String> syntheticNames() {
        return SyntheticDatasets.phantoms().stream().map(Phantom::name).toList();
    }

    /**
     * Every fixed name plus the {@code nnunet:PATH} form.
     *
     * @return the names, comma-separated
     */
    public static String known() {
        List<String> n = new ArrayList<>(syntheticNames());
        n.add(Colin27.Task.BRAIN.datasetName());
        n.add(Colin27.Task.SUBCORTICAL.datasetName());
        n.add("nnunet:/path/to/dataset (or the folder holding dataset.json itself)");
        return String.join(", ", n);
    }

    /**
     * Loads the dataset {@code spec}.
     *
     * @param spec a name or {@code nnunet:PATH}
     * @return the dataset
     * @throws IllegalArgumentException for an unknown name (listing the known ones) or a dataset that cannot be loaded
     */
    public Dataset load(String spec) {
        String s = canonical(spec);
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("nnunet:")) {
            Path root = nnUnetRoot(s);
            if (!Files.isDirectory(root)) throw new IllegalArgumentException("nnU-Net dataset folder " + root + " does not exist");
            return NnUnetDataset.load(root, nnunet);
        }
        for (Phantom p : SyntheticDatasets.phantoms()) {
            if (p.name().equals(lower)) return SyntheticDatasets.generate(p, synthetic);
        }
        for (Colin27.Task t : Colin27.Task.values()) {
            if (t.datasetName().equals(lower)) return Colin27.load(t, colin27);
        }
        throw new IllegalArgumentException("unknown dataset '" + spec + "'; known: " + known());
    }

    /**
     * {@code spec} with a folder that holds {@code dataset.json} written as {@code nnunet:FOLDER} (users give the
     * nnU-Net folder as it is); any other spec unchanged (trimmed).
     *
     * @param spec a name, {@code nnunet:PATH} or a folder
     * @return the canonical spec
     */
    public static String canonical(String spec) {
        String s = spec.trim();
        if (!s.toLowerCase(Locale.ROOT).startsWith("nnunet:") && !s.isEmpty()) {
            try {
                if (Files.isRegularFile(Path.of(s).resolve("dataset.json"))) return "nnunet:" + s;
            } catch (java.nio.file.InvalidPathException e) {
                return s;
            }
        }
        return s;
    }

    /**
     * The folder of the nnU-Net dataset {@code spec} ({@code nnunet:DIR}, or a folder holding {@code dataset.json}).
     *
     * @param spec an nnU-Net dataset spec
     * @return its folder, as given
     * @throws IllegalArgumentException when {@code spec} is not an nnU-Net folder
     */
    public static Path nnUnetRoot(String spec) {
        String s = canonical(spec);
        if (!s.toLowerCase(Locale.ROOT).startsWith("nnunet:")) throw new IllegalArgumentException("'" + spec + "' is not an nnU-Net folder");
        return Path.of(s.substring("nnunet:".length()));
    }

    /**
     * This registry with nnU-Net folders read through the case cache {@code cache}.
     *
     * @param cache the cache settings
     * @return the registry
     */
    public DatasetRegistry withNnUnetCache(NnUnetCache.Settings cache) {
        return new DatasetRegistry(synthetic, colin27, nnunet.withCache(cache));
    }

    /**
     * This registry with nnU-Net folders loaded as whole 3D volumes (for a 3D U-Net) or as slices.
     *
     * @param on whether training and validation cases stay whole volumes
     * @return the registry
     */
    public DatasetRegistry withNnUnetVolumes(boolean on) {
        return new DatasetRegistry(synthetic, colin27, nnunet.withVolumes(on));
    }

    /**
     * Which datasets a 3D U-Net trains on; throws, naming the remedy, for the others.
     *
     * @param spec a dataset spec
     */
    public static void requireVolumes(String spec) {
        if (!isNnUnet(spec)) {
            throw new IllegalArgumentException("--dims 3 trains a 3D U-Net on the 3D volumes of an nnU-Net folder; '" + spec
                    + "' is a dataset of 2D slices (write Colin27 as an nnU-Net folder with rw-examples/bench/colin27-nnunet.py, "
                    + "or use --dims 2)");
        }
    }

    /**
     * Whether {@code spec} names an nnU-Net folder ({@code nnunet:DIR}, or a folder holding {@code dataset.json}).
     *
     * @param spec a dataset spec
     * @return whether it is an nnU-Net folder
     */
    public static boolean isNnUnet(String spec) { return canonical(spec).toLowerCase(Locale.ROOT).startsWith("nnunet:"); }

    /**
     * Checks a name without loading the data (for early command-line errors).
     *
     * @param spec a dataset spec
     */
    public static void requireKnown(String spec) {
        String lower = canonical(spec).toLowerCase(Locale.ROOT);
        if (lower.startsWith("nnunet:")) return;
        if (syntheticNames().contains(lower)) return;
        for (Colin27.Task t : Colin27.Task.values()) if (t.datasetName().equals(lower)) return;
        throw new IllegalArgumentException("unknown dataset '" + spec + "'; known: " + known());
    }
}
