package org.regionwise.examples.data;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;
import org.regionwise.core.backend.LazySamples;
import org.regionwise.core.backend.Sample;

/**
 * Whole cases read from their files each time {@link #get(int)} asks for one: a test split of any size, scored one
 * case at a time, holds one case in memory. Immutable.
 */
final class LazyVolumes extends AbstractList<Sample> implements LazySamples, RandomAccess {
    private final List<String> ids;
    private final Function<String, Sample> reader;
    private final int channels;

    private LazyVolumes(List<String> ids, Function<String, Sample> reader, int channels) {
        this.ids = List.copyOf(ids);
        this.reader = reader;
        this.channels = channels;
    }

    static LazyVolumes of(List<String> ids, Function<String, Sample> reader, int channels) { return new LazyVolumes(ids, reader, channels); }

    /** The channel count every case has (checked when a case is read). */
    @Override public int channels() { return channels; }

    @Override public Sample get(int i) {
        Sample s = reader.apply(ids.get(i));
        if (s.channelCount() != channels) throw new IllegalStateException("case " + s.id() + " has " + s.channelCount() + " channels, expected " + channels);
        return s;
    }

    @Override public int size() { return ids.size(); }
}
