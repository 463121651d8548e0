package org.regionwise.core.backend;

import java.util.List;
import java.util.Objects;

/** What a backend trains on: 2D cases split into training and validation, and the class names. */
public interface TrainingData {
    /** Short name for logs and reports. */
    String name();

    /** Class names, index = label; the size is K. */
    List<String> classNames();

    default int classes() { return classNames().size(); }

    List<Sample> training();

    List<Sample> validation();

    /** Immutable training data from lists (copied). */
    static TrainingData of(String name, List<String> classNames, List<Sample> training, List<Sample> validation) {
        Objects.requireNonNull(name, "name");
        List<String> classes = List.copyOf(classNames);
        List<Sample> train = List.copyOf(training);
        List<Sample> valid = List.copyOf(validation);
        if (classes.size() < 2) throw new IllegalArgumentException("training data " + name + " needs >= 2 class names, got " + classes);
        if (train.isEmpty()) throw new IllegalArgumentException("training data " + name + " has no training samples");
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
