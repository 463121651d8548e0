package org.regionwise.examples.data;

import java.util.List;
import java.util.Objects;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.backend.LazySamples;

/**
 * An in-memory {@link Dataset}: three lists of 2D cases and the class names.
 *
 * @param name        short name for logs and reports, e.g. {@code synthetic-cardiac}
 * @param classNames  class names, index = label, background first
 * @param training    training cases
 * @param validation  validation cases (model selection, training curves)
 * @param test        held-out test cases
 * @param description how the data was built (see {@link Dataset#description()})
 * @param normalization intensity normalisation of the images
 * @param sliceAxis   axis along which volumes were sliced
 */
public record SplitDataset(String name, List<String> classNames, List<Sample> training, List<Sample> validation,
                           List<Sample> test, String description, IntensityNormalization normalization,
                           int sliceAxis) implements Dataset {
    /**
     * Copies the lists; checks at least two classes, a training case, the slice axis, one channel count for all cases
     * and 2D training and validation cases.
     *
     * @param name short name for logs and reports, e.g. {@code synthetic-cardiac}
     * @param classNames class names, index = label, background first
     * @param training training cases
     * @param validation validation cases (model selection, training curves)
     * @param test held-out test cases
     * @param description how the data was built (see {@link Dataset#description()})
     * @param normalization intensity normalisation of the images
     * @param sliceAxis axis along which volumes were sliced
     */
    public SplitDataset {
        Objects.requireNonNull(normalization, "normalization");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        classNames = List.copyOf(classNames);
        training = frozen(training);
        validation = frozen(validation);
        test = frozen(test);
        if (classNames.size() < 2) {
            throw new IllegalArgumentException("dataset " + name + " needs at least 2 classes, got " + classNames);
        }
        if (training.isEmpty()) throw new IllegalArgumentException("dataset " + name + " has no training cases");
        int k = classNames.size();
        if (sliceAxis < 0 || sliceAxis > 2) throw new IllegalArgumentException("slice axis must be 0, 1 or 2, got " + sliceAxis);
        org.regionwise.core.backend.TrainingData.requireSameChannels(name, training, validation, test);
        int dims = training instanceof LazySamples ? 0 : training.get(0).image().grid().dimensions();
        for (List<Sample> split : List.of(training, validation, test)) {
            if (split instanceof LazySamples) continue; // checked as its cases were written, or when each is read
            for (Sample s : split) {
                // training and validation cases feed one network: all 2D slices (a 2D U-Net) or all 3D volumes (a 3D
                // U-Net); a test case may be a whole volume, scored in 3D
                if (split != test && s.image().grid().dimensions() != dims) {
                    throw new IllegalArgumentException("training/validation case " + s.id() + " of dataset " + name
                            + " is " + s.image().grid().describeSize() + ", the first training case "
                            + training.get(0).image().grid().describeSize() + ": all must be 2D slices or all 3D volumes");
                }
                int max = s.labels().maxLabel();
                if (max >= k) {
                    throw new IllegalArgumentException("case " + s.id() + " of dataset " + name + " has label " + max
                            + " but the dataset has only " + k + " classes " + classNames);
                }
            }
        }
    }

    /** {@code l} itself when it is an immutable lazy list (cached slices, cases read on demand), else a copy. */
    private static List<Sample> frozen(List<Sample> l) {
        return l instanceof LazySamples ? l : List.copyOf(l);
    }

    /**
     * Fraction of pixels of each class over {@code cases} (index = class).
     *
     * @param cases the cases
     * @param classes K
     * @return K fractions
     */
    public static double[] classFractions(List<Sample> cases, int classes) {
        long[] counts = new long[classes];
        long total = 0;
        for (Sample s : cases) {
            long[] c = s.labels().classCounts(classes);
            for (int k = 0; k < classes; k++) counts[k] += c[k];
            total += s.labels().grid().voxelCount();
        }
        double[] f = new double[classes];
        for (int k = 0; k < classes; k++) f[k] = total == 0 ? 0 : (double) counts[k] / total;
        return f;
    }
}
