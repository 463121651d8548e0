package org.regionwise.tensorflow.internal;

import org.regionwise.core.loss.ClassWeighting;
import org.regionwise.core.loss.LossSpec;

/**
 * A plain-Java, double-precision oracle of every loss on channels-last flat arrays
 * ({@code logits[((b*n)+i)*k+c]}, {@code labels[b*n+i]}, maps in logits layout), written independently of the graph
 * code from the formulas in {@link LossSpec}; gradients by central differences.
 */
final class LossOracle {
    final int b, n, k;
    final int[] labels;
    final double[][] maps;
    final double alpha;

    LossOracle(int b, int n, int k, int[] labels, double[][] maps, double alpha) {
        this.b = b; this.n = n; this.k = k; this.labels = labels; this.maps = maps; this.alpha = alpha;
    }

    double value(LossSpec spec, double[] logits) {
        double[] p = new double[logits.length];
        double[] logp = new double[logits.length];
        for (int px = 0; px < b * n; px++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) max = Math.max(max, logits[px * k + c]);
            double s = 0;
            for (int c = 0; c < k; c++) s += Math.exp(logits[px * k + c] - max);
            for (int c = 0; c < k; c++) {
                logp[px * k + c] = logits[px * k + c] - max - Math.log(s);
                p[px * k + c] = Math.exp(logp[px * k + c]);
            }
        }
        return eval(spec, p, logp, new int[] {0});
    }

    private double eval(LossSpec spec, double[] p, double[] logp, int[] cursor) {
        if (spec instanceof LossSpec.RegionWise || spec instanceof LossSpec.Boundary) {
            double[] z = maps[cursor[0]++];
            double s = 0;
            for (int i = 0; i < p.length; i++) s += p[i] * z[i];
            return s / p.length;
        }
        if (spec instanceof LossSpec.CrossEntropy) {
            double s = 0;
            for (int px = 0; px < b * n; px++) s -= logp[px * k + labels[px]];
            return s / (b * n);
        }
        if (spec instanceof LossSpec.WeightedCrossEntropy w) {
            double[] wk = new double[k];
            if (w.weighting() instanceof ClassWeighting.Given g) {
                for (int c = 0; c < k; c++) wk[c] = g.weights().get(c);
            } else {
                long[] cnt = new long[k];
                for (int l : labels) cnt[l]++;
                for (int c = 0; c < k; c++) wk[c] = cnt[c] == 0 ? 0 : (double) (b * n) / (k * cnt[c]);
            }
            double num = 0, den = 0;
            for (int px = 0; px < b * n; px++) { num -= wk[labels[px]] * logp[px * k + labels[px]]; den += wk[labels[px]]; }
            return num / den;
        }
        if (spec instanceof LossSpec.Focal f) {
            double s = 0;
            for (int px = 0; px < b * n; px++) {
                double py = p[px * k + labels[px]];
                s -= f.alpha() * Math.pow(1 - py, f.gamma()) * logp[px * k + labels[px]];
            }
            return s / (b * n);
        }
        if (spec instanceof LossSpec.Dice d) {
            int c0 = d.includeBackground() ? 0 : 1;
            double total = 0;
            int count = 0;
            if (d.batchDice()) {
                for (int c = c0; c < k; c++) {
                    double i = 0, sp = 0, sy = 0;
                    for (int px = 0; px < b * n; px++) {
                        double y = labels[px] == c ? 1 : 0;
                        i += p[px * k + c] * y; sp += p[px * k + c]; sy += y;
                    }
                    total += (2 * i + d.smooth()) / (sp + sy + d.smooth());
                    count++;
                }
            } else {
                for (int bb = 0; bb < b; bb++) {
                    for (int c = c0; c < k; c++) {
                        double i = 0, sp = 0, sy = 0;
                        for (int px = bb * n; px < (bb + 1) * n; px++) {
                            double y = labels[px] == c ? 1 : 0;
                            i += p[px * k + c] * y; sp += p[px * k + c]; sy += y;
                        }
                        total += (2 * i + d.smooth()) / (sp + sy + d.smooth());
                        count++;
                    }
                }
            }
            return 1 - total / count;
        }
        if (spec instanceof LossSpec.GeneralizedDice g) {
            int c0 = g.includeBackground() ? 0 : 1;
            double total = 0;
            for (int bb = 0; bb < b; bb++) {
                double[] in = new double[k], un = new double[k], gk = new double[k], w = new double[k];
                for (int px = bb * n; px < (bb + 1) * n; px++) {
                    for (int c = 0; c < k; c++) {
                        double y = labels[px] == c ? 1 : 0;
                        in[c] += p[px * k + c] * y; un[c] += p[px * k + c] + y; gk[c] += y;
                    }
                }
                double wmax = 0;
                for (int c = 0; c < k; c++) { w[c] = gk[c] == 0 ? 0 : 1 / (gk[c] * gk[c]); wmax = Math.max(wmax, w[c]); }
                for (int c = 0; c < k; c++) if (gk[c] == 0) w[c] = wmax;
                double num = 0, den = 0;
                for (int c = c0; c < k; c++) { num += w[c] * in[c]; den += w[c] * un[c]; }
                total += 1 - (2 * num + g.smooth()) / (den + g.smooth());
            }
            return total / b;
        }
        if (spec instanceof LossSpec.WeightedSum s) {
            double v = 0;
            for (LossSpec.Term t : s.terms()) v += t.weight() * eval(t.loss(), p, logp, cursor);
            return v;
        }
        if (spec instanceof LossSpec.Gradual g) {
            double a = eval(g.first(), p, logp, cursor);
            double c = eval(g.second(), p, logp, cursor);
            return alpha * a + (1 - alpha) * c;
        }
        throw new IllegalArgumentException(spec.toString());
    }

    double[] gradient(LossSpec spec, double[] logits) {
        double[] g = new double[logits.length];
        double h = 1e-6;
        for (int i = 0; i < logits.length; i++) {
            double[] a = logits.clone(), c = logits.clone();
            a[i] += h; c[i] -= h;
            g[i] = (value(spec, a) - value(spec, c)) / (2 * h);
        }
        return g;
    }
}
