package org.regionwise.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.loss.LossSpec;
import org.regionwise.core.loss.reference.LossBatch;
import org.regionwise.core.loss.reference.LossValue;
import org.regionwise.core.loss.reference.ReferenceLoss;
import org.regionwise.core.map.MapSpec;
import org.regionwise.core.map.RegionWiseMap;
import org.regionwise.training.internal.MapFactory;
import org.regionwise.training.internal.Predictor;
import org.regionwise.training.spi.Network;

/**
 * Where a loss's gradient goes, measured on the validation cases with the model of the moment: for each ground-truth
 * class {@code c}, the L2 norm of {@code dL/dlogits} over the voxels labelled {@code c} (the gradient of each case's
 * loss, summed in squares over the cases), the fraction of those voxels whose predicted probability of their own class
 * is below 0.01, and the mean of that probability.
 *
 * <p>The gradient comes from rw-core's float64 {@link ReferenceLoss} at logits {@code ln p} of the network's softmax
 * output {@code p}: softmax is invariant to a per-voxel constant, so this is the exact gradient at the network's own
 * logits (up to float32 rounding of {@code p}; probabilities are floored at 1e-30). The maps are the loss's maps of
 * each validation case's labels at full resolution (deep-supervision scales are not included).
 *
 * <p>Why: the RW loss is linear in the softmax, so its gradient at a voxel is
 * {@code dL/ds_k = p_k (z_k - sum_j p_j z_j) / (N K)}, which vanishes where the network assigns the voxel's class a
 * small probability; CE's {@code p_k - y_k} does not. These numbers show it per epoch.
 */
public final class GradientDiagnostics {

    /**
     * One class at one validation.
     *
     * @param classIndex     ground-truth class c
     * @param voxels         validation voxels labelled c
     * @param gradientNorm   {@code sqrt(sum over cases and voxels labelled c of |dL/ds_i|^2)}
     * @param fractionBelow1Percent fraction of those voxels with {@code p_c < 0.01}
     * @param meanProbability mean {@code p_c} over them
     */
    public record ClassDiagnostics(int classIndex, long voxels, double gradientNorm, double fractionBelow1Percent,
                                   double meanProbability) {}

    private final LossSpec loss;
    private final List<RegionWiseMap> maps;
    private final ReferenceLoss reference;
    private final int classes;

    /**
     * Diagnostics of {@code loss} for {@code classes} classes.
     *
     * @param loss the training loss
     * @param classes K
     */
    public GradientDiagnostics(LossSpec loss, int classes) {
        this.loss = loss;
        this.classes = classes;
        List<RegionWiseMap> m = new ArrayList<>();
        for (MapSpec s : loss.maps()) m.add(MapFactory.create(s));
        this.maps = List.copyOf(m);
        this.reference = ReferenceLoss.of(loss);
    }

    /**
     * The diagnostics of {@code network} on the 2D cases of {@code cases} at {@code epoch} (3D cases are skipped).
     *
     * @param network the network
     * @param cases the cases
     * @param epoch the 0-based epoch
     * @return one entry per class
     */
    public List<ClassDiagnostics> measure(Network network, List<Sample> cases, int epoch) {
        double[] sq = new double[classes], pSum = new double[classes];
        long[] n = new long[classes], low = new long[classes];
        for (Sample s : cases) {
            if (!s.image().grid().is2D()) continue;
            ClassMaps p = Predictor.predict(network, s.channels());
            int[] y = s.labels().data();
            int v = y.length;
            double[] logits = new double[v * classes];
            for (int i = 0; i < v; i++) {
                for (int k = 0; k < classes; k++) logits[i * classes + k] = Math.log(Math.max(p.get(k, i), 1e-30));
            }
            List<double[]> z = new ArrayList<>();
            for (RegionWiseMap m : maps) {
                ClassMaps zm = m.compute(s.labels(), classes);
                double[] flat = new double[v * classes];
                for (int i = 0; i < v; i++) for (int k = 0; k < classes; k++) flat[i * classes + k] = zm.get(k, i);
                z.add(flat);
            }
            LossValue lv = reference.evaluate(new LossBatch(1, v, classes, logits, y, z, epoch));
            double[] g = lv.gradient();
            for (int i = 0; i < v; i++) {
                int c = y[i];
                double s2 = 0;
                for (int k = 0; k < classes; k++) s2 += g[i * classes + k] * g[i * classes + k];
                sq[c] += s2;
                double pc = p.get(c, i);
                pSum[c] += pc;
                if (pc < 0.01) low[c]++;
                n[c]++;
            }
        }
        List<ClassDiagnostics> out = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            out.add(new ClassDiagnostics(c, n[c], Math.sqrt(sq[c]), n[c] == 0 ? Double.NaN : (double) low[c] / n[c],
                    n[c] == 0 ? Double.NaN : pSum[c] / n[c]));
        }
        return out;
    }

    /**
     * The CSV header of {@code diagnostics.csv}.
     *
     * @return the header
     */
    public static String csvHeader() { return "epoch,loss,class,voxels,grad_norm,frac_p_below_0.01,mean_p"; }

    /**
     * CSV rows of one validation (epoch 1-based in the file).
     *
     * @param epoch the 0-based epoch
     * @param d the diagnostics
     * @return the rows
     */
    public String csvRows(int epoch, List<ClassDiagnostics> d) {
        StringBuilder b = new StringBuilder();
        for (ClassDiagnostics c : d) {
            b.append(String.format(Locale.ROOT, "%d,%s,%d,%d,%.9g,%.6f,%.6f%n", epoch + 1, loss.id().replace(",", ";"), c.classIndex(), c.voxels(),
                    c.gradientNorm(), c.fractionBelow1Percent(), c.meanProbability()));
        }
        return b.toString();
    }
}
