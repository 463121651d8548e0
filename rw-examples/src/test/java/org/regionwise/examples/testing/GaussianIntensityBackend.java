package org.regionwise.examples.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.regionwise.core.backend.EpochReport;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.backend.TrainedModel;
import org.regionwise.core.backend.TrainingBackend;
import org.regionwise.core.backend.TrainingData;
import org.regionwise.core.backend.TrainingListener;
import org.regionwise.core.backend.TrainingPlan;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.LabelImage;

/**
 * A test backend that "trains" instantly: a per-class Gaussian model of the pixel intensity, fitted by stochastic
 * moment updates on random pixels. Each step's loss is the cross-entropy of the batch under the current model, so it
 * goes down as the estimates converge. Prediction is the posterior softmax per pixel. Multi-channel cases are fitted
 * and predicted on their first channel.
 */
public class GaussianIntensityBackend implements TrainingBackend {
    @Override public String name() { return "gaussian-test"; }

    @Override public TrainedModel train(TrainingPlan plan, TrainingData data, TrainingListener listener) {
        int k = data.classes();
        double[] mean = new double[k], var = new double[k], prior = new double[k];
        java.util.Arrays.fill(var, 1);
        java.util.Arrays.fill(prior, 1.0 / k);
        Random r = new Random(plan.seed());
        List<EpochReport> history = new ArrayList<>();
        int pixels = plan.batchSize() * 64;
        for (int e = 0; e < plan.epochs(); e++) {
            double sum = 0;
            for (int s = 0; s < plan.iterationsPerEpoch(); s++) {
                double loss = 0;
                double rate = 0.2;
                for (int p = 0; p < pixels; p++) {
                    Sample c = data.training().get(r.nextInt(data.training().size()));
                    int i = r.nextInt(c.labels().grid().voxelCount());
                    double x = c.image().get(i);
                    int y = c.labels().get(i);
                    loss -= Math.log(Math.max(1e-12, posterior(x, mean, var, prior)[y]));
                    mean[y] += rate * (x - mean[y]) * 0.1;
                    var[y] += rate * ((x - mean[y]) * (x - mean[y]) - var[y]) * 0.1;
                    var[y] = Math.max(var[y], 1e-3);
                    // class-balanced: the prior stays uniform
                }
                loss /= pixels;
                sum += loss;
                listener.onStep(e, s, plan.iterationsPerEpoch(), loss);
            }
            Model m = new Model(plan.model(), mean.clone(), var.clone(), prior.clone(), List.of());
            List<Double> dice = new ArrayList<>(), hd = new ArrayList<>();
            for (int q = 0; q < k; q++) {
                double d = 0;
                int n = 0;
                for (Sample v : data.validation()) {
                    double dv = org.regionwise.metrics.Metrics.dice(m.segment(v.image()), v.labels(), q);
                    if (!Double.isNaN(dv)) { d += dv; n++; }
                }
                dice.add(n == 0 ? Double.NaN : d / n);
                hd.add(Double.NaN);
            }
            EpochReport rep = new EpochReport(e, sum / plan.iterationsPerEpoch(), plan.optimizer().learningRateAt(e, plan.epochs()), dice, hd, 0.001);
            history.add(rep);
            listener.onEpoch(rep);
        }
        return new Model(plan.model(), mean, var, prior, history);
    }

    @Override public TrainedModel load(Path directory) {
        try {
            List<String> all = java.nio.file.Files.readAllLines(directory.resolve("gaussian.txt"));
            int channels = Integer.parseInt(all.get(0).substring("channels ".length()));
            List<String> l = all.subList(1, all.size());
            int k = l.size();
            double[] mean = new double[k], var = new double[k], prior = new double[k];
            for (int q = 0; q < k; q++) {
                String[] f = l.get(q).split(" ");
                mean[q] = Double.parseDouble(f[0]); var[q] = Double.parseDouble(f[1]); prior[q] = Double.parseDouble(f[2]);
            }
            ModelSpec spec = new ModelSpec.UNet(2, channels, k, 1, 1, 1, ModelSpec.Normalization.NONE, ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, false, 0);
            return new Model(spec, mean, var, prior, List.of());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static double[] posterior(double x, double[] mean, double[] var, double[] prior) {
        int k = mean.length;
        double[] lp = new double[k];
        double max = Double.NEGATIVE_INFINITY;
        for (int q = 0; q < k; q++) {
            lp[q] = Math.log(Math.max(prior[q], 1e-9)) - 0.5 * Math.log(var[q]) - (x - mean[q]) * (x - mean[q]) / (2 * var[q]);
            max = Math.max(max, lp[q]);
        }
        double z = 0;
        for (int q = 0; q < k; q++) { lp[q] = Math.exp(lp[q] - max); z += lp[q]; }
        for (int q = 0; q < k; q++) lp[q] /= z;
        return lp;
    }

    private record Model(ModelSpec spec, double[] mean, double[] var, double[] prior, List<EpochReport> history) implements TrainedModel {
        @Override public ClassMaps predict(FloatImage image) {
            int k = mean.length;
            float[][] maps = new float[k][image.grid().voxelCount()];
            for (int i = 0; i < image.grid().voxelCount(); i++) {
                double[] p = posterior(image.get(i), mean, var, prior);
                for (int q = 0; q < k; q++) maps[q][i] = (float) p[q];
            }
            return new ClassMaps(image.grid(), maps);
        }

        @Override public LabelImage segment(FloatImage image) { return predict(image).argmax(); }

        /** The intensity model is fitted on channel 0 (the first channel of every case); other channels are ignored. */
        @Override public ClassMaps predict(List<FloatImage> channels) { return predict(channels.get(0)); }

        @Override public void save(Path directory) {
            try {
                java.nio.file.Files.createDirectories(directory);
                StringBuilder b = new StringBuilder("channels " + (spec instanceof ModelSpec.UNet u ? u.inputChannels() : 1) + "\n");
                for (int q = 0; q < mean.length; q++) b.append(mean[q]).append(' ').append(var[q]).append(' ').append(prior[q]).append('\n');
                java.nio.file.Files.writeString(directory.resolve("gaussian.txt"), b);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override public void export(Path directory) { save(directory); }

        @Override public void close() {}
    }
}
