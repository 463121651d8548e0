package org.regionwise.core.backend;

import java.util.List;

/**
 * An immutable list of samples that reads each one only when {@link #get(int)} asks for it (cases memory-mapped from
 * a case cache, or volumes read from their files), so that a dataset larger than memory can be handed around as a
 * {@code List<Sample>}. {@code SplitDataset} and the trainer keep such a list as it is (a copy would read every sample),
 * and {@link TrainingData#requireSameChannels} checks it from {@link #channels()} instead of iterating.
 */
public interface LazySamples extends List<Sample> {
    /**
     * The number of image channels of every sample.
     *
     * @return the channel count, 0 for a list of no sample
     */
    int channels();
}
