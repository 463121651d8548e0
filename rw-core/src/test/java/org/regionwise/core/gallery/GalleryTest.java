package org.regionwise.core.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.regionwise.core.RegionWise;
import org.regionwise.core.backend.TrainedModel;
import org.regionwise.core.backend.TrainingBackend;
import org.regionwise.core.backend.TrainingData;
import org.regionwise.core.backend.TrainingListener;
import org.regionwise.core.backend.TrainingPlan;
import org.regionwise.core.config.RegionWiseConfiguration;
import org.regionwise.core.experiment.Adam;
import org.regionwise.core.experiment.Experiment;
import org.regionwise.core.experiment.Experiments;
import org.regionwise.core.experiment.FakeBackend;
import org.regionwise.core.experiment.FakeBackendModule;
import org.regionwise.core.experiment.TestData;
import org.regionwise.core.experiment.UNet;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.inject.RegionWiseCoreModule;
import org.regionwise.core.loss.DeepSupervisionWeights;
import org.regionwise.core.loss.LossSpec;
import org.regionwise.core.loss.Losses;
import org.regionwise.core.loss.reference.LossBatch;
import org.regionwise.core.loss.reference.LossValue;
import org.regionwise.core.loss.reference.ReferenceLoss;
import org.regionwise.core.map.Maps;

/**
 * The examples of {@code rw-core/README-api.md}, verbatim, run against fake backends (rw-core's test class path
 * registers fakes named "fake", "other-fake" and "tensorflow"). {@link #everyReadmeSnippetIsInThisFile()} keeps
 * the README and this file in step.
 */
class GalleryTest {
    private final TrainingData myData = TestData.squares();
    private final FloatImage image = TestData.square("new").image();

    @Test
    void quickStart() {
        // gallery:quick-start
        Experiment experiment = RegionWise.experiment()
                .data(myData)
                .loss(Losses.regionWise(Maps.rectified()))
                .model(UNet.twoD().depth(4).baseFilters(32))
                .optimizer(Adam.learningRate(1e-4).weightDecay(3e-5))
                .epochs(100)
                .backend("tensorflow")
                .build();
        try (TrainedModel model = experiment.run()) {
            LabelImage segmentation = model.segment(image);
            System.out.println("voxels per label: " + segmentation.histogram());
        }
        // end
        assertThat(experiment.plan().epochs()).isEqualTo(100);
        assertThat(experiment.backend().name()).isEqualTo("tensorflow");
    }

    @Test
    void lambdasAndNamedLosses() {
        // gallery:lambdas
        TrainedModel model = RegionWise.experiment()
                .data(myData)
                .loss("gradual-rrw-dice")
                .model(m -> m.depth(5).deepSupervision(true))
                .optimizer(o -> o.weightDecay(0).constantLearningRate())
                .epochs(50)
                .onEpoch(r -> System.out.printf("epoch %d: loss %.4f%n", r.epoch(), r.trainLoss()))
                .build()
                .run();
        // end
        assertThat(model.spec().classes()).isEqualTo(2);
        assertThat(model.history()).hasSize(50);
        model.close();
    }

    @Test
    void lossesAndMaps() {
        // gallery:losses
        LossSpec rrw = Losses.regionWise(Maps.rectified());                   // the paper's RRW loss
        LossSpec balanced = Losses.regionWise(Maps.classBalanced(0.05, 0.95));  // per-class outside values
        LossSpec rrwPlusCe = Losses.equal(Losses.crossEntropy(), rrw);          // "Equal": CE + RRW
        LossSpec gradual = Losses.gradual(Losses.dice(), rrw);                  // alpha(e) Dice + (1 - alpha(e)) RRW
        LossSpec boundaryDice = Losses.boundaryDice();                          // Kervadec's Boundary + Dice
        LossSpec activeContour = Losses.regionWise(Maps.custom("1-Y", (labels, classes) -> {
            float[][] z = new float[classes][labels.grid().voxelCount()];
            for (int k = 0; k < classes; k++) {
                for (int i = 0; i < z[k].length; i++) z[k][i] = labels.get(i) == k ? 0 : 1;
            }
            return new ClassMaps(labels.grid(), z);
        }));
        // end
        assertThat(List.of(rrw, balanced, rrwPlusCe, gradual, boundaryDice, activeContour)).extracting(LossSpec::id)
                .containsExactly("rrw", "class-balanced", "ce+rrw", "gradual(dice,rrw)", "gradual(dice,boundary)", "1-Y");
    }

    @Test
    void guiceInjection() {
        Module backendModule = new FakeBackendModule(); // in an application: new TensorFlowModule()
        // gallery:guice
        Injector injector = Guice.createInjector(new RegionWiseCoreModule(), backendModule);
        Experiments experiments = injector.getInstance(Experiments.class);
        TrainingBackend configured = injector.getInstance(TrainingBackend.class); // chosen by regionwise.backend
        Map<String, LossSpec> losses = injector.getInstance(Key.get(new TypeLiteral<Map<String, LossSpec>>() {}));
        Experiment experiment = experiments.experiment()
                .data(myData)
                .loss(losses.get("rrw+ce"))
                .model(m -> m.depth(4))
                .build();
        // end
        assertThat(configured.name()).isEqualTo("tensorflow");
        assertThat(experiment.backend().name()).isEqualTo("tensorflow");
    }

    /** Stands in for a third-party backend. */
    static final class MyBackend implements TrainingBackend {
        private final FakeBackend delegate = new FakeBackend("my-backend");
        @Override public String name() { return delegate.name(); }
        @Override public TrainedModel train(TrainingPlan plan, TrainingData data, TrainingListener listener) { return delegate.train(plan, data, listener); }
        @Override public TrainedModel load(Path directory) { return delegate.load(directory); }
    }

    // gallery:backend-module
    /** Contributes a backend under the name configuration selects it by. */
    static final class MyBackendModule extends AbstractModule {
        @Override protected void configure() {
            MapBinder.newMapBinder(binder(), String.class, TrainingBackend.class)
                    .addBinding("my-backend").to(MyBackend.class);
        }
    }
    // end

    @Test
    void configurationSelectsTheBackend() {
        // gallery:configuration
        // also: -Dregionwise.backend=my-backend, REGIONWISE_BACKEND=my-backend, or a line in regionwise.properties
        RegionWiseConfiguration configuration = RegionWiseConfiguration.load()
                .with(Map.of(RegionWiseConfiguration.BACKEND, "my-backend"));
        Injector injector = Guice.createInjector(new RegionWiseCoreModule(configuration), new MyBackendModule());
        Experiment experiment = injector.getInstance(Experiments.class).experiment()
                .data(myData).loss("rrw").model(m -> m.depth(3)).build();
        // end
        assertThat(experiment.backend()).isInstanceOf(MyBackend.class);
    }

    @Test
    void referenceLossForBackendAuthors() {
        int epoch = 3;
        SplittableRandom random = new SplittableRandom(1);
        double[] logits = random.doubles(2 * 64 * 64 * 3, -2, 2).toArray();
        int[] labels = random.ints(2 * 64 * 64, 0, 3).toArray();
        double[] rrwMap = random.doubles(2 * 64 * 64 * 3, -1, 1).toArray();
        // gallery:reference
        // channels-last: logits[((b * voxels) + i) * classes + k], labels[b * voxels + i], maps like logits
        LossBatch batch = new LossBatch(2, 64 * 64, 3, logits, labels, List.of(rrwMap), epoch);
        LossValue reference = ReferenceLoss.of(Losses.rectifiedRegionWise()).evaluate(batch);
        double value = reference.value();
        double[] dLossDLogits = reference.gradient();
        // end
        assertThat(Double.isFinite(value)).isTrue();
        assertThat(dLossDLogits).hasSize(logits.length);
    }

    @Test
    void deepSupervision() {
        double loss0 = 0.5, loss1 = 0.6, loss2 = 0.7, loss3 = 0.8, loss4 = 0.9;
        // gallery:deep-supervision
        DeepSupervisionWeights weights = DeepSupervisionWeights.of(5); // 8/15, 4/15, 2/15, 1/15, 0
        double total = weights.combine(loss0, loss1, loss2, loss3, loss4);
        // end
        assertThat(total).isCloseTo((8 * 0.5 + 4 * 0.6 + 2 * 0.7 + 0.8) / 15, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void everyReadmeSnippetIsInThisFile() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("README-api.md"));
        List<String> source = normalise(Files.readAllLines(Path.of("src/test/java/org/regionwise/core/gallery/GalleryTest.java")));
        List<List<String>> snippets = new ArrayList<>();
        List<String> current = null;
        for (String line : readme) {
            if (line.strip().equals("```java")) current = new ArrayList<>();
            else if (line.strip().equals("```") && current != null) { snippets.add(normalise(current)); current = null; }
            else if (current != null) current.add(line);
        }
        assertThat(snippets).hasSizeGreaterThanOrEqualTo(7);
        for (List<String> snippet : snippets) {
            assertThat(Collections.indexOfSubList(source, snippet)).as("README-api.md snippet not found verbatim in GalleryTest:%n%s",
                    String.join("\n", snippet)).isNotNegative();
        }
    }

    private static List<String> normalise(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) if (!l.isBlank()) out.add(l.strip());
        return out;
    }
}
