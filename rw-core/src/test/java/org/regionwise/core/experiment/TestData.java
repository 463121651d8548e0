package org.regionwise.core.experiment;

import java.util.List;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.backend.TrainingData;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;

/** Tiny synthetic data for builder tests: a bright square on a dark 16 x 16 slice. */
public final class TestData {
    private TestData() {}

    public static Sample square(String id) {
        Grid grid = Grid.of2D(16, 16);
        float[] image = new float[256];
        int[] labels = new int[256];
        for (int y = 4; y < 12; y++) for (int x = 4; x < 12; x++) { image[x + 16 * y] = 1; labels[x + 16 * y] = 1; }
        return new Sample(id, new FloatImage(grid, image), new LabelImage(grid, labels));
    }

    /** Two classes (background, square), two training samples, one validation sample. */
    public static TrainingData squares() {
        return TrainingData.of("squares", List.of("background", "square"), List.of(square("a"), square("b")), List.of(square("c")));
    }
}
