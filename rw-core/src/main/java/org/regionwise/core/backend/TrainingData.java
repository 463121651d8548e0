package org.regionwise.core.backend;

import java.util.List;

/** What a backend trains on: 2D cases split into training and validation, and the class names. */
public interface TrainingData {
    /** Short name for logs and reports. */
    String name();

    /** Class names, index = label; the size is K. */
    List<String> classNames();

    default int classes() { return classNames().size(); }

    List<Sample> training();

    List<Sample> validation();
}
