package org.regionwise.training.plan;

import java.util.Arrays;
import java.util.List;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.backend.TrainingData;
import org.regionwise.core.image.Grid;

/**
 * What the planner needs to know of a dataset, measured on its training samples (2D slices or images).
 *
 * @param samples          number of training samples
 * @param medianShape      per-axis median of the samples' sizes, voxels
 * @param medianSpacing    per-axis median of the samples' spacings, mm
 * @param intensityMean    per channel: mean intensity over the foreground voxels (label &gt; 0), as fed (after the
 *                         dataset's normalisation); the mean over all voxels when there is no foreground
 * @param intensityStd     per channel: standard deviation over the same voxels
 * @param intensityP005    per channel: 0.5th percentile over the same voxels
 * @param intensityP995    per channel: 99.5th percentile over the same voxels
 * @param classVoxels      voxels per class over the training samples
 * @param classFrequencies {@code classVoxels / total}
 */
public record DatasetFingerprint(int samples, int[] medianShape, double[] medianSpacing, double[] intensityMean,
                                 double[] intensityStd, double[] intensityP005, double[] intensityP995, long[] classVoxels,
                                 double[] classFrequencies) {

    /** At most this many voxels per channel are kept for the percentiles (an even subsample beyond). */
    static final int PERCENTILE_SAMPLE = 1 << 20;

    /**
     * The fingerprint of {@code data}'s training cases.
     *
     * @param data the data
     * @return the fingerprint
     */
    public static DatasetFingerprint of(TrainingData data) {
        List<Sample> t = data.training();
        if (t.isEmpty()) throw new IllegalArgumentException("dataset '" + data.name() + "' has no training sample to plan from");
        int dims = t.get(0).image().grid().dimensions();
        int[] shape = new int[dims];
        double[] spacing = new double[dims];
        for (int a = 0; a < dims; a++) {
            double[] sz = new double[t.size()], sp = new double[t.size()];
            for (int i = 0; i < t.size(); i++) {
                Grid g = t.get(i).image().grid();
                sz[i] = a < g.dimensions() ? g.size(a) : 1;
                sp[i] = a < g.dimensions() ? g.spacing(a) : 1;
            }
            shape[a] = (int) Math.round(median(sz));
            spacing[a] = median(sp);
        }
        int k = data.classes(), nc = data.channels();
        long[] counts = new long[k];
        long total = 0, fgTotal = 0;
        for (Sample s : t) {
            long[] c = s.labels().classCounts(k);
            for (int j = 0; j < k; j++) counts[j] += c[j];
            total += s.labels().grid().voxelCount();
            fgTotal += s.labels().grid().voxelCount() - c[0];
        }
        double[] freq = new double[k];
        for (int j = 0; j < k; j++) freq[j] = total == 0 ? 0 : (double) counts[j] / total;
        double[] mean = new double[nc], std = new double[nc], p005 = new double[nc], p995 = new double[nc];
        boolean useForeground = fgTotal > 0;
        long selected = useForeground ? fgTotal : total;
        long stride = Math.max(1, (selected + PERCENTILE_SAMPLE - 1) / PERCENTILE_SAMPLE);
        for (int c = 0; c < nc; c++) {
            double sum = 0, sq = 0;
            long n = 0, seen = 0;
            float[] buf = new float[(int) Math.min(PERCENTILE_SAMPLE, selected) + 1];
            int m = 0;
            for (Sample s : t) {
                float[] x = s.channels().get(c).data();
                int[] y = s.labels().data();
                for (int i = 0; i < x.length; i++) {
                    if (useForeground && y[i] == 0) continue;
                    sum += x[i];
                    sq += (double) x[i] * x[i];
                    n++;
                    if (seen++ % stride == 0 && m < buf.length) buf[m++] = x[i];
                }
            }
            double mu = sum / n;
            mean[c] = mu;
            std[c] = Math.sqrt(Math.max(0, sq / n - mu * mu));
            float[] v = Arrays.copyOf(buf, m);
            Arrays.sort(v);
            p005[c] = percentile(v, 0.5);
            p995[c] = percentile(v, 99.5);
        }
        return new DatasetFingerprint(t.size(), shape, spacing, mean, std, p005, p995, counts, freq);
    }

    /**
     * The smaller of the median in-plane sizes (axes 0 and 1).
     *
     * @return the edge in voxels
     */
    public int medianEdge() { return medianShape.length == 1 ? medianShape[0] : Math.min(medianShape[0], medianShape[1]); }

    /**
     * The median of {@code v} (the mean of the two middle values for an even count).
     *
     * @param v the values (not changed)
     * @return the median
     */
    public static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** numpy's linear percentile of sorted values. */
    static double percentile(float[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        double pos = q / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(pos), hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
