package org.regionwise.examples.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.regionwise.core.backend.Sample;

/**
 * Builds a {@link Dataset} from a {@link Phantom}: {@code training + validation + test} independent random cases.
 * Case {@code i} of split {@code s} is drawn from {@code new Random(mix(seed, s, i))}, so every case depends only on
 * the seed, its split and its index (changing the split sizes does not change the other cases).
 */
public final class SyntheticDatasets {
    private SyntheticDatasets() {}

    /**
     * Split sizes, image size and seed of a synthetic dataset.
     *
     * @param size       image edge in pixels
     * @param training   number of training cases
     * @param validation number of validation cases
     * @param test       number of test cases
     * @param seed       seed of the whole dataset
     */
    public record Options(int size, int training, int validation, int test, long seed) {
        /**
         * Checks a size of at least 16 px and at least one case per split.
         *
         * @param size image edge in pixels
         * @param training number of training cases
         * @param validation number of validation cases
         * @param test number of test cases
         * @param seed seed of the whole dataset
         */
        public Options {
            if (size < 16) throw new IllegalArgumentException("synthetic image size must be >= 16 px, got " + size);
            if (training < 1 || validation < 1 || test < 1) {
                throw new IllegalArgumentException("synthetic split sizes must be >= 1, got training=" + training
                        + ", validation=" + validation + ", test=" + test);
            }
        }

        /**
         * 64×64 px, 48 training, 12 validation and 16 test cases, seed 1.
         *
         * @return the options
         */
        public static Options defaults() { return new Options(64, 48, 12, 16, 1); }

        /**
         * These options with another image size.
         *
         * @param newSize the edge in pixels
         * @return new options
         */
        public Options withSize(int newSize) { return new Options(newSize, training, validation, test, seed); }
    }

    /**
     * The phantoms by dataset name.
     *
     * @return the phantoms
     */
    public static List<Phantom> phantoms() {
        return List.of(new CardiacPhantom(), new KidneyPhantom(), new LesionPhantom());
    }

    /**
     * Generates the dataset of {@code phantom}.
     *
     * @param phantom the generator
     * @param o the options
     * @return the split dataset
     */
    public static SplitDataset generate(Phantom phantom, Options o) {
        List<Sample> train = split(phantom, o, 0, "train", o.training());
        List<Sample> val = split(phantom, o, 1, "val", o.validation());
        List<Sample> test = split(phantom, o, 2, "test", o.test());
        int k = phantom.classNames().size();
        double[] f = SplitDataset.classFractions(train, k);
        StringBuilder frac = new StringBuilder();
        for (int c = 0; c < k; c++) {
            if (c > 0) frac.append(", ");
            frac.append(phantom.classNames().get(c)).append(' ').append(String.format(Locale.ROOT, "%.2f%%", 100 * f[c]));
        }
        String description = phantom.description() + String.format(Locale.ROOT,
                " %d×%d px; %d training / %d validation / %d test cases, independent random cases (dataset seed %d); "
                        + "class fractions in the training split: %s.",
                o.size(), o.size(), o.training(), o.validation(), o.test(), o.seed(), frac);
        return new SplitDataset(phantom.name(), phantom.classNames(), train, val, test, description,
                IntensityNormalization.zScore(), 2);
    }

    private static List<Sample> split(Phantom phantom, Options o, int splitIndex, String splitName, int count) {
        List<Sample> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Random r = new Random(mix(o.seed(), splitIndex, i));
            String id = String.format(Locale.ROOT, "%s/%s/%03d", phantom.name(), splitName, i);
            out.add(phantom.generate(id, r, o.size()));
        }
        return out;
    }

    /** SplitMix64-style mixing of the seed, split and index into one well-spread seed. */
    static long mix(long seed, int split, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + split * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
