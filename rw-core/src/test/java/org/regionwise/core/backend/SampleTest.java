package org.regionwise.core.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;

/** Multi-channel cases: every channel on the labels' grid, one channel count per data set, single-channel models. */
class SampleTest {
    private static final Grid G = Grid.of2D(4, 3);

    private static FloatImage image(float v) {
        float[] d = new float[G.voxelCount()];
        java.util.Arrays.fill(d, v);
        return new FloatImage(G, d);
    }

    @Test
    void channelsKeepTheirOrderAndTheFirstIsTheImage() {
        Sample s = new Sample("c", List.of(image(1), image(2), image(3)), LabelImage.zeros(G));
        assertThat(s.channelCount()).isEqualTo(3);
        assertThat(s.image().get(0)).isEqualTo(1f);
        assertThat(s.channels().get(2).get(0)).isEqualTo(3f);
        assertThat(new Sample("d", image(5), LabelImage.zeros(G)).channels()).hasSize(1);
    }

    @Test
    void aChannelOffTheLabelGridOrNoChannelIsRejected() {
        FloatImage other = new FloatImage(Grid.of2D(3, 4), new float[12]);
        assertThatThrownBy(() -> new Sample("c", List.of(image(1), other), LabelImage.zeros(G)))
                .hasMessageContaining("image channel 1").hasMessageContaining("case c");
        assertThatThrownBy(() -> new Sample("c", List.of(), LabelImage.zeros(G))).hasMessageContaining("no image channel");
    }

    @Test
    void trainingDataNeedsOneChannelCount() {
        Sample one = new Sample("a", image(1), LabelImage.zeros(G));
        Sample two = new Sample("b", List.of(image(1), image(2)), LabelImage.zeros(G));
        assertThat(TrainingData.of("d", List.of("bg", "fg"), List.of(two), List.of(two)).channels()).isEqualTo(2);
        assertThatThrownBy(() -> TrainingData.of("d", List.of("bg", "fg"), List.of(two), List.of(one)))
                .hasMessageContaining("case a of d has 1 image channels, the others 2");
    }

    @Test
    void aSingleChannelModelRefusesSeveralChannels() {
        TrainedModel m = new TrainedModel() {
            @Override public ModelSpec spec() { throw new UnsupportedOperationException(); }
            @Override public List<EpochReport> history() { return List.of(); }
            @Override public ClassMaps predict(FloatImage image) { return new ClassMaps(image.grid(), new float[][] {new float[12], image.data()}); }
            @Override public void save(java.nio.file.Path directory) {}
            @Override public void export(java.nio.file.Path directory) {}
            @Override public void close() {}
        };
        assertThat(m.segment(List.of(image(1))).get(0)).isEqualTo(1);
        assertThatThrownBy(() -> m.segment(List.of(image(1), image(2)))).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("2 channels");
    }
}
