package com.example.discs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.regionwise.core.RegionWise;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.backend.TrainedModel;
import org.regionwise.core.backend.TrainingData;
import org.regionwise.core.experiment.Adam;
import org.regionwise.core.experiment.Experiment;
import org.regionwise.core.experiment.UNet;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.loss.Losses;
import org.regionwise.core.map.Maps;
import org.regionwise.metrics.Metrics;

/**
 * An application of RegionWise built outside its reactor: it trains a small U-Net on generated discs with the
 * paper's Gradual Dice to RRW loss, segments a new image and prints its Dice. The engine comes from
 * {@code regionwise.properties}; the code never names it. Exits with status 1 if the model did not learn.
 */
public final class SegmentDiscs {

    public static void main(String[] args) {
        List<Sample> training = new ArrayList<>();
        for (int i = 0; i < 8; i++) training.add(disc("train-" + i, i));
        TrainingData data = TrainingData.of("discs", List.of("background", "disc"),
                training, List.of(disc("validation", 100)));

        Experiment experiment = RegionWise.experiment()
                .data(data)
                .loss(Losses.gradual(Losses.dice(), Losses.regionWise(Maps.rectified())))
                .model(UNet.twoD().depth(3).baseFilters(8))
                .optimizer(Adam.learningRate(1e-3).weightDecay(3e-5))
                .epochs(4)
                .iterationsPerEpoch(25)
                .batchSize(4)
                .patchSize(48)
                .onEpoch(r -> System.out.printf("epoch %d: loss %.4f%n", r.epoch(), r.trainLoss()))
                .build();

        Sample test = disc("test", 200);
        try (TrainedModel model = experiment.run()) {
            LabelImage segmentation = model.segment(test.image());
            double dice = Metrics.dice(segmentation, test.labels(), 1);
            System.out.printf("backend %s: Dice %.3f on a new image%n", experiment.backend().name(), dice);
            if (!(dice >= 0.8)) System.exit(1);
        }
    }

    /** A bright disc (random centre, radius 6 to 14 px) on a noisy 48 x 48 slice of 1 mm pixels; label 1 inside. */
    static Sample disc(String id, long seed) {
        int n = 48;
        Random random = new Random(seed);
        double cx = 16 + 16 * random.nextDouble(), cy = 16 + 16 * random.nextDouble();
        double r = 6 + 8 * random.nextDouble();
        float[] image = new float[n * n];
        int[] labels = new int[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                boolean inside = (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r;
                labels[x + n * y] = inside ? 1 : 0;
                image[x + n * y] = (inside ? 1f : 0f) + 0.3f * (float) random.nextGaussian();
            }
        }
        Grid grid = Grid.of2D(n, n);
        return new Sample(id, new FloatImage(grid, image), new LabelImage(grid, labels));
    }
}
