package org.regionwise.core.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.regionwise.core.backend.EpochReport;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.TrainedModel;
import org.regionwise.core.backend.TrainingBackend;
import org.regionwise.core.backend.TrainingData;
import org.regionwise.core.backend.TrainingListener;
import org.regionwise.core.backend.TrainingPlan;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.FloatImage;

/**
 * A training backend for tests: "trains" instantly, reporting one epoch report per epoch with a decreasing loss, and
 * returns a model that predicts a uniform softmax. Records every plan it was given.
 */
public final class FakeBackend implements TrainingBackend {
    private final String name;
    public final List<TrainingPlan> plans = new ArrayList<>();

    public FakeBackend(String name) { this.name = name; }

    public FakeBackend() { this("fake"); }

    @Override public String name() { return name; }

    @Override public void validate(TrainingPlan plan) {
        if (plan.model() instanceof ModelSpec.UNet u && u.dimensions() == 3) {
            throw new IllegalArgumentException("backend " + name + " supports 2D U-Nets only, got a 3D U-Net");
        }
    }

    @Override public TrainedModel train(TrainingPlan plan, TrainingData data, TrainingListener listener) {
        plans.add(plan);
        List<EpochReport> history = new ArrayList<>();
        for (int e = 0; e < plan.epochs(); e++) {
            for (int s = 0; s < plan.iterationsPerEpoch(); s++) listener.onStep(e, s, plan.iterationsPerEpoch(), 1.0 / (e + 1));
            EpochReport r = new EpochReport(e, 1.0 / (e + 1), plan.optimizer().learningRateAt(e, plan.epochs()), List.of(), List.of(), 0);
            history.add(r);
            listener.onEpoch(r);
        }
        return new Model(plan.model(), history);
    }

    @Override public TrainedModel load(Path directory) { throw new UnsupportedOperationException("fake backend " + name + " cannot load"); }

    /** The fake backend's model: uniform probabilities. */
    public static final class Model implements TrainedModel {
        private final ModelSpec spec;
        private final List<EpochReport> history;
        public boolean closed;

        Model(ModelSpec spec, List<EpochReport> history) { this.spec = spec; this.history = List.copyOf(history); }

        @Override public ModelSpec spec() { return spec; }
        @Override public List<EpochReport> history() { return history; }

        @Override public ClassMaps predict(FloatImage image) {
            ClassMaps maps = ClassMaps.zeros(image.grid(), spec.classes());
            for (int k = 0; k < spec.classes(); k++) java.util.Arrays.fill(maps.data(k), 1f / spec.classes());
            return maps;
        }

        @Override public void save(Path directory) { throw new UnsupportedOperationException("fake model cannot save"); }
        @Override public void export(Path directory) { throw new UnsupportedOperationException("fake model cannot export"); }
        @Override public void close() { closed = true; }
    }
}
