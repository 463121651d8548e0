package org.regionwise.examples.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.backend.TrainedModel;
import org.regionwise.core.backend.TrainingBackend;
import org.regionwise.core.backend.TrainingListener;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.loss.LossSpec;
import org.regionwise.examples.data.Dataset;
import org.regionwise.examples.losses.LossCatalog;

/**
 * Trains one (dataset, loss, seed) with a backend and evaluates the model on the dataset's test split: every test
 * case is segmented (argmax of the softmax) and scored per foreground class with {@link Scoring}.
 */
public final class Experiment {
    private static final Logger LOG = LogManager.getLogger(Experiment.class);

    private final TrainingBackend backend;
    private final Scoring scoring;
    private final RunFile.Scoring segmentation;

    /**
     * Runs on {@code backend}, scored by {@code scoring}.
     *
     * @param backend the training backend
     * @param scoring the metrics
     */
    public Experiment(TrainingBackend backend, Scoring scoring) { this(backend, scoring, RunFile.Scoring.NONE); }

    private Experiment(TrainingBackend backend, Scoring scoring, RunFile.Scoring segmentation) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.scoring = Objects.requireNonNull(scoring, "scoring");
        this.segmentation = Objects.requireNonNull(segmentation, "segmentation");
    }

    /**
     * This experiment segmenting its test splits as {@code s} says (sliding windows of the training patch, mirroring).
     *
     * @param s the scoring section of a run file
     * @return a new experiment
     */
    public Experiment segmenting(RunFile.Scoring s) { return new Experiment(backend, scoring, s); }

    /**
     * {@code m} segmenting as {@code s} says: windows of {@code patch} (step {@code s.step()}, default 0.5) and/or
     * mirroring; {@code m} itself when nothing is asked. A 3D model keeps its 3D windows.
     *
     * @param m the trained model
     * @param s the scoring section
     * @param patch the training patch edge
     * @return the model to score
     * @throws IllegalArgumentException for windows or mirroring asked of a model that is not an engine's network
     */
    public static TrainedModel segmenting(TrainedModel m, RunFile.Scoring s, int patch) {
        boolean windows = Boolean.TRUE.equals(s.slidingWindow()), mirror = Boolean.TRUE.equals(s.tta());
        if (!windows && !mirror) return m;
        if (!(m instanceof org.regionwise.training.NetworkModel nm)) {
            throw new IllegalArgumentException("--sliding-window and --tta need a model of an engine backend (tensorflow or pytorch); "
                    + m.getClass().getSimpleName() + " predicts on its own");
        }
        org.regionwise.training.Inference base = windows || nm.inference().window() > 0
                ? org.regionwise.training.Inference.slidingWindow(patch).withStep(s.step() != null ? s.step() : 0.5)
                : org.regionwise.training.Inference.WHOLE_IMAGE;
        return nm.withInference(base.withMirroring(mirror));
    }

    /**
     * The training backend.
     *
     * @return the backend
     */
    public TrainingBackend backend() { return backend; }

    /**
     * The metrics.
     *
     * @return the scoring
     */
    public Scoring scoring() { return scoring; }

    /**
     * Trains and evaluates. A training failure (e.g. divergence) is caught and recorded in
     * {@link RunResult#failure()} so that a comparison goes on with the other runs.
     *
     * @param data the dataset
     * @param lossName a loss name or combination
     * @param settings the training settings
     * @param seed the run's seed
     * @param listener receives progress
     * @param keep ids of test cases whose predictions are kept for overlays
     * @return the result
     */
    public RunResult run(Dataset data, String lossName, TrainingSettings settings, long seed,
                         TrainingListener listener, Set<String> keep) {
        return run(data, lossName, settings, seed, listener, keep, null, false);
    }

    /**
     * As {@link #run(Dataset, String, TrainingSettings, long, TrainingListener, Set)} with the trainer's checkpoints
     * in {@code directory} (none when {@code null}), continuing from them when {@code resume} (an
     * {@link org.regionwise.training.EngineBackend} only).
     *
     * @param data the dataset
     * @param lossName a loss name or combination
     * @param settings the training settings
     * @param seed the run's seed
     * @param listener receives progress
     * @param keep ids of test cases whose predictions are kept
     * @param directory the checkpoint folder, or {@code null}
     * @param resume whether to continue from the checkpoint
     * @return the result
     */
    public RunResult run(Dataset data, String lossName, TrainingSettings settings, long seed, TrainingListener listener,
                         Set<String> keep, java.nio.file.@org.jspecify.annotations.Nullable Path directory, boolean resume) {
        LossSpec loss = LossCatalog.parse(lossName);
        long t0 = System.nanoTime();
        var plan = settings.plan(loss, data, seed, directory);
        try (TrainedModel model = resume && backend instanceof org.regionwise.training.EngineBackend eb
                ? eb.resume(plan, data, listener) : backend.train(plan, data, listener)) {
            double trainSeconds = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            Map<String, LabelImage> kept = new LinkedHashMap<>();
            List<CaseScore> scores = evaluate(segmenting(model, segmentation, settings.patchSize()), data, keep, kept);
            double evalSeconds = (System.nanoTime() - t1) / 1e9;
            return new RunResult(data.name(), lossName, seed, model.history(), scores, kept, trainSeconds, evalSeconds, null);
        } catch (RuntimeException e) {
            double trainSeconds = (System.nanoTime() - t0) / 1e9;
            String why = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warn("training {} / {} / seed {} failed: {}", data.name(), lossName, seed, why);
            return new RunResult(data.name(), lossName, seed, List.of(), List.of(), Map.of(), trainSeconds, 0, why);
        }
    }

    /**
     * Segments and scores every test case: a 2D image as a whole, a 3D volume slice by slice along the dataset's slice
     * axis and then scored in 3D (the paper's unit). Predictions of the cases in {@code keep} go into {@code kept}; of
     * a volume only its {@link SliceWiseSegmentation#richestSlice richest slice} is kept, the one reports draw.
     *
     * @param model the trained model
     * @param data the dataset
     * @param keep ids of test cases whose predictions are kept
     * @param kept receives the kept predictions by case id
     * @return one score per test case
     */
    public List<CaseScore> evaluate(TrainedModel model, Dataset data, Set<String> keep, Map<String, LabelImage> kept) {
        List<CaseScore> out = new ArrayList<>();
        for (Sample s : data.test()) {
            LabelImage pred = SliceWiseSegmentation.segment(model, s.channels(), data.sliceAxis());
            if (keep.contains(s.id())) {
                kept.put(s.id(), pred.grid().is2D() ? pred : pred.slice(data.sliceAxis(), SliceWiseSegmentation.richestSlice(s.labels(), data.sliceAxis())));
            }
            out.add(score(s.id(), pred, s.labels(), data.classes()));
        }
        return out;
    }

    /**
     * Scores of one case for classes 1..K-1 (index 0 is NaN).
     *
     * @param id the case id
     * @param prediction the predicted labels
     * @param truth the reference labels
     * @param classes K
     * @return the case's scores
     */
    public CaseScore score(String id, LabelImage prediction, LabelImage truth, int classes) {
        List<Double> dice = new ArrayList<>(classes);
        List<Double> hd = new ArrayList<>(classes);
        dice.add(Double.NaN);
        hd.add(Double.NaN);
        for (int k = 1; k < classes; k++) {
            dice.add(scoring.dice(prediction, truth, k));
            hd.add(scoring.hausdorffMm(prediction, truth, k));
        }
        return new CaseScore(id, dice, hd);
    }

    /**
     * Convenience for callers without a listener or overlays.
     *
     * @param data the dataset
     * @param lossName a loss name or combination
     * @param settings the training settings
     * @param seed the run's seed
     * @return the result
     */
    public RunResult run(Dataset data, String lossName, TrainingSettings settings, long seed) {
        return run(data, lossName, settings, seed, TrainingListener.none(), Set.of());
    }

}
