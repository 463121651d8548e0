package org.regionwise.core.backend;

import java.util.List;
import java.util.Objects;

/** What a backend trains on: 2D cases split into training and validation, and the class names. */
public interface TrainingData {
    /**
     * Short name for logs and reports.
     *
     * @return the name
     */
    String name();

    /**
     * Class names, index = label; the size is K.
     *
     * @return the class names
     */
    List<String> classNames();

    /**
     * The number of classes K, background included.
     *
     * @return K
     */
    default int classes() { return classNames().size(); }

    /**
     * The number of input channels of every case (that of the first training case).
     *
     * @return the channel count
     */
    default int channels() { return training().get(0).channelCount(); }

    /**
     * The training cases.
     *
     * @return at least one case
     */
    List<Sample> training();

    /**
     * The validation cases (may be empty).
     *
     * @return the cases
     */
    List<Sample> validation();

    /**
     * Throws unless every case of {@code splits} has the channel count of the first one; a {@link LazySamples} split
     * answers with its {@link LazySamples#channels()}, its samples are not read.
     *
     * @param name the data's name, for the message
     * @param splits the lists of cases to check
     */
    @SafeVarargs
    static void requireSameChannels(String name, List<Sample>... splits) {
        int c = -1;
        for (List<Sample> split : splits) {
            if (split instanceof LazySamples lazy) { // its channel count, without reading its samples
                if (lazy.isEmpty()) continue;
                if (c < 0) c = lazy.channels();
                else if (lazy.channels() != c) {
                    throw new IllegalArgumentException("dataset " + name + ": its splits have " + c + " and " + lazy.channels() + " image channels");
                }
                continue;
            }
            for (Sample s : split) {
                if (c < 0) c = s.channelCount();
                else if (s.channelCount() != c) {
                    throw new IllegalArgumentException("case " + s.id() + " of " + name + " has " + s.channelCount()
                            + " image channels, the others " + c);
                }
            }
        }
    }

    /**
     * Immutable training data from lists (copied).
     *
     * @param name a short name for logs
     * @param classNames the class names, index = label
     * @param training the training cases
     * @param validation the validation cases (may be empty)
     * @return the data
     */
    static TrainingData of(String name, List<String> classNames, List<Sample> training, List<Sample> validation) {
        Objects.requireNonNull(name, "name");
        List<String> classes = List.copyOf(classNames);
        List<Sample> train = List.copyOf(training);
        List<Sample> valid = List.copyOf(validation);
        if (classes.size() < 2) throw new IllegalArgumentException("training data " + name + " needs >= 2 class names, got " + classes);
        if (train.isEmpty()) throw new IllegalArgumentException("training data " + name + " has no training samples");
        requireSameChannels(name, train, valid);
        return new TrainingData() {
            @Override public String name() { return name; }
            @Override public List<String> classNames() { return classes; }
            @Override public List<Sample> training() { return train; }
            @Override public List<Sample> validation() { return valid; }
            @Override public String toString() {
                return "TrainingData[" + name + ", K=" + classes.size() + ", " + train.size() + " training, " + valid.size() + " validation]";
            }
        };
    }
}
