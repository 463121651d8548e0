package org.regionwise.core.loss.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.regionwise.core.loss.AlphaSchedule;
import org.regionwise.core.loss.DeepSupervisionWeights;
import org.regionwise.core.loss.LossSpec;
import org.regionwise.core.loss.Losses;

/** Hand-computed values, closed forms and edge cases of the reference losses. */
class ReferenceLossValuesTest {

    private static final double TIGHT = 1e-12;

    /** B = 2 images of 3 voxels, K = 3, labels {0,1,2 | 2,2,0}. */
    private static final int[] LABELS = {0, 1, 2, 2, 2, 0};

    private static double[] uniformLogits(int n) { return new double[n]; }

    /** Logits that put (almost) all mass on the label: +40 on it, 0 elsewhere. */
    private static double[] perfectLogits(int[] labels, int k) {
        double[] s = new double[labels.length * k];
        for (int v = 0; v < labels.length; v++) s[v * k + labels[v]] = 40;
        return s;
    }

    private static LossBatch batch(double[] logits, List<double[]> maps, int epoch) {
        return new LossBatch(2, 3, 3, logits, LABELS, maps, epoch);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 7})
    void crossEntropyOfUniformSoftmaxIsLogK(int k) {
        int[] labels = {0, 1, 0, 1};
        LossValue v = ReferenceLoss.of(Losses.crossEntropy()).evaluate(new LossBatch(2, 2, k, uniformLogits(4 * k), labels, 0));
        assertThat(v.value()).isCloseTo(Math.log(k), within(TIGHT));
        // dL/ds_k = (1/K - [k = y]) / (B N)
        assertThat(v.gradient()[0]).isCloseTo((1.0 / k - 1) / 4, within(TIGHT));
        assertThat(v.gradient()[1]).isCloseTo(1.0 / k / 4, within(TIGHT));
    }

    @Test
    void perfectPredictionGivesZeroForCeFocalDiceAndGdl() {
        LossBatch b = batch(perfectLogits(LABELS, 3), List.of(), 0);
        for (LossSpec spec : List.of(Losses.crossEntropy(), Losses.weightedCrossEntropy(), Losses.focal(), Losses.dice(),
                Losses.dice(1, false, true), Losses.generalizedDice())) {
            // absent classes with smoothing 1e-6 leave ~1e-11 (p of an absent class is ~e^-40, not 0)
            assertThat(ReferenceLoss.of(spec).evaluate(b).value()).as(spec.id()).isCloseTo(0, within(1e-10));
        }
    }

    @Test
    void focalOfUniformSoftmax() {
        LossValue v = ReferenceLoss.of(Losses.focal(2, 0.25)).evaluate(batch(uniformLogits(18), List.of(), 0));
        assertThat(v.value()).isCloseTo(0.25 * Math.pow(2.0 / 3, 2) * Math.log(3), within(TIGHT));
    }

    @Test
    void diceOfUniformSoftmaxPerImageAndPerBatch() {
        // image 0: one voxel per class -> D_c = (2/3 + s) / (1 + 1 + s); image 1: class 0 once, 1 absent, 2 twice
        double s = 0.5;
        double p = 1.0 / 3;
        double img0 = 3 * (2 * p + s) / (3 * p + 1 + s);
        double img1 = (2 * p + s) / (3 * p + 1 + s) + s / (3 * p + s) + (4 * p + s) / (3 * p + 2 + s);
        double perImage = 1 - (img0 + img1) / 6;
        assertThat(ReferenceLoss.of(Losses.dice(s, true, false)).evaluate(batch(uniformLogits(18), List.of(), 0)).value())
                .isCloseTo(perImage, within(TIGHT));
        // batch Dice, background excluded: class 1 (1 voxel of 6), class 2 (3 voxels)
        double batchDice = 1 - ((2 * p + s) / (6 * p + 1 + s) + (6 * p + s) / (6 * p + 3 + s)) / 2;
        assertThat(ReferenceLoss.of(Losses.dice(s, false, true)).evaluate(batch(uniformLogits(18), List.of(), 0)).value())
                .isCloseTo(batchDice, within(TIGHT));
    }

    @Test
    void generalizedDiceOfUniformSoftmaxWithAbsentClassGuard() {
        double s = 1e-5;
        double p = 1.0 / 3;
        // image 0 (background excluded): classes 1, 2 once each -> w = 1
        double img0 = (2 * (p + p) + s) / ((3 * p + 1) + (3 * p + 1) + s);
        // image 1: class 1 absent -> takes the max present weight, w2 = 1/4 -> w1 = 1/4
        double w = 0.25;
        double img1 = (2 * w * 2 * p + s) / (w * (3 * p) + w * (3 * p + 2) + s);
        double expected = 1 - (img0 + img1) / 2;
        assertThat(ReferenceLoss.of(Losses.generalizedDice()).evaluate(batch(uniformLogits(18), List.of(), 0)).value())
                .isCloseTo(expected, within(TIGHT));
    }

    @Test
    void regionWiseOfUniformSoftmaxIsMeanMapOverK() {
        double[] z = new double[18];
        for (int j = 0; j < z.length; j++) z[j] = (j % 5) - 1.5;
        double mean = 0;
        for (double v : z) mean += v;
        mean /= z.length;
        assertThat(ReferenceLoss.of(Losses.rectifiedRegionWise()).evaluate(batch(uniformLogits(18), List.of(z), 0)).value())
                .isCloseTo(mean / 3, within(TIGHT));
    }

    @Test
    void regionWiseOfPerfectPredictionReadsTheMapAtTheLabels() {
        double[] z = new double[18];
        for (int j = 0; j < z.length; j++) z[j] = 1;
        double expected = 0;
        for (int v = 0; v < LABELS.length; v++) {
            z[v * 3 + LABELS[v]] = -0.1 * (v + 1); // inside values as an RRW map would hold
            expected += z[v * 3 + LABELS[v]];
        }
        expected /= 18;
        assertThat(ReferenceLoss.of(Losses.rectifiedRegionWise()).evaluate(batch(perfectLogits(LABELS, 3), List.of(z), 0)).value())
                .isCloseTo(expected, within(1e-12));
    }

    @ParameterizedTest
    @CsvSource({"1, 2, 5, 2", "2, 3, 4, 3", "3, 4, 6, 4", "4, 2, 10, 2"})
    void regionWiseGradientEqualsClosedForm(long seed, int batchSize, int voxels, int k) {
        LossBatch b = RandomBatches.random(Losses.rectifiedRegionWise(), seed, batchSize, voxels, k, k, 0);
        LossValue v = ReferenceLoss.of(Losses.rectifiedRegionWise()).evaluate(b);
        double m = b.size();
        double[] z = b.maps().get(0);
        double value = 0;
        for (int base = 0; base < b.size(); base += k) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) max = Math.max(max, b.logits()[base + c]);
            double[] p = new double[k];
            double sum = 0;
            for (int c = 0; c < k; c++) { p[c] = Math.exp(b.logits()[base + c] - max); sum += p[c]; }
            double pz = 0;
            for (int c = 0; c < k; c++) { p[c] /= sum; pz += p[c] * z[base + c]; }
            value += pz;
            for (int c = 0; c < k; c++) {
                double closed = p[c] * (z[base + c] - pz) / m;
                assertThat(v.gradient()[base + c]).isCloseTo(closed, within(1e-15));
            }
        }
        assertThat(v.value()).isCloseTo(value / m, within(1e-14));
    }

    @Test
    void weightedCrossEntropyWithEqualWeightsOrBalancedClassesIsCrossEntropy() {
        LossBatch b = RandomBatches.random(Losses.crossEntropy(), 5, 2, 6, 3, 3, 0);
        double ce = ReferenceLoss.of(Losses.crossEntropy()).evaluate(b).value();
        assertThat(ReferenceLoss.of(Losses.weightedCrossEntropy(2, 2, 2)).evaluate(b).value()).isCloseTo(ce, within(TIGHT));
        int[] balanced = {0, 1, 2, 0, 1, 2, 2, 1, 0, 2, 1, 0};
        LossBatch bal = new LossBatch(2, 6, 3, b.logits(), balanced, 0);
        assertThat(ReferenceLoss.of(Losses.weightedCrossEntropy()).evaluate(bal).value())
                .isCloseTo(ReferenceLoss.of(Losses.crossEntropy()).evaluate(bal).value(), within(TIGHT));
    }

    @Test
    void inverseFrequencyWeightsFollowTheBatchCounts() {
        // 6 voxels: class 0 x1, class 1 absent, class 2 x5 -> w0 = 6/3, w1 = 0, w2 = 6/15
        int[] labels = {0, 2, 2, 2, 2, 2};
        LossBatch b = new LossBatch(1, 6, 3, uniformLogits(18), labels, 0);
        double[] w = new WeightedCrossEntropyReference(new org.regionwise.core.loss.ClassWeighting.InverseFrequency()).weights(b);
        assertThat(w).containsExactly(new double[] {2, 0, 0.4}, within(TIGHT));
        // uniform softmax: every voxel contributes log 3, whatever its weight
        assertThat(ReferenceLoss.of(Losses.weightedCrossEntropy()).evaluate(b).value()).isCloseTo(Math.log(3), within(TIGHT));
    }

    @Test
    void gradualMixesByTheScheduleAtTheBatchEpoch() {
        LossSpec gradual = Losses.gradual(Losses.dice(), Losses.rectifiedRegionWise());
        for (int epoch : new int[] {0, 30, 99, 200}) {
            LossBatch b = RandomBatches.random(gradual, 9, 2, 6, 3, 3, epoch);
            double a = AlphaSchedule.paper().alpha(epoch);
            double dice = ReferenceLoss.of(Losses.dice()).evaluate(b.withMaps(List.of())).value();
            double rw = ReferenceLoss.of(Losses.rectifiedRegionWise()).evaluate(b).value();
            assertThat(ReferenceLoss.of(gradual).evaluate(b).value()).isCloseTo(a * dice + (1 - a) * rw, within(TIGHT));
        }
    }

    @Test
    void weightedSumHandsEachTermItsOwnMap() {
        LossSpec spec = Losses.sum(2, Losses.rectifiedRegionWise(), -1, Losses.boundary());
        double[] z1 = new double[18];
        double[] z2 = new double[18];
        java.util.Arrays.fill(z1, 3);
        java.util.Arrays.fill(z2, 6);
        // uniform softmax: RW = mean(z)/K
        assertThat(ReferenceLoss.of(spec).evaluate(batch(uniformLogits(18), List.of(z1, z2), 0)).value())
                .isCloseTo(2 * 1.0 - 2.0, within(TIGHT));
    }

    @Test
    void paperAlphaSchedule() {
        AlphaSchedule a = AlphaSchedule.paper();
        assertThat(a.alpha(0)).isEqualTo(1.0);
        assertThat(a.alpha(50)).isCloseTo(0.5, within(TIGHT));
        assertThat(a.alpha(99)).isCloseTo(0.01, within(TIGHT));
        assertThat(a.alpha(150)).isEqualTo(0.01);
    }

    @Test
    void deepSupervisionWeights() {
        assertThat(DeepSupervisionWeights.of(1).weights()).containsExactly(1.0);
        assertThat(DeepSupervisionWeights.of(2).weights()).containsExactly(1.0, 0.0);
        assertThat(DeepSupervisionWeights.of(4).weights()).usingComparatorForType(
                (x, y) -> Math.abs(x - y) < TIGHT ? 0 : Double.compare(x, y), Double.class)
                .containsExactly(4.0 / 7, 2.0 / 7, 1.0 / 7, 0.0);
        DeepSupervisionWeights w = DeepSupervisionWeights.of(6);
        assertThat(w.weights().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(TIGHT));
        assertThat(w.weight(5)).isZero();
        assertThat(w.combine(1, 1, 1, 1, 1, 1)).isCloseTo(1, within(TIGHT));
        assertThatThrownBy(() -> DeepSupervisionWeights.of(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void extremeLogitsStayFinite() {
        double[] s = {800, -800, 0, -700, 700, 5, 1e3, -1e3, 0, 0, 0, 0, 300, 300, -300, 1, 2, 3};
        LossBatch b = batch(s, List.of(), 0);
        for (LossSpec spec : List.of(Losses.crossEntropy(), Losses.focal(), Losses.focal(0.5, 1), Losses.dice(), Losses.generalizedDice())) {
            LossValue v = ReferenceLoss.of(spec).evaluate(b);
            assertThat(Double.isFinite(v.value())).as(spec.id()).isTrue();
            for (double g : v.gradient()) assertThat(Double.isFinite(g)).as(spec.id()).isTrue();
        }
    }

    @Test
    void rejectsWrongMapCountAndBadLabels() {
        assertThatThrownBy(() -> ReferenceLoss.of(Losses.rectifiedRegionWise()).evaluate(batch(uniformLogits(18), List.of(), 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 1 map");
        assertThatThrownBy(() -> new LossBatch(1, 2, 2, new double[4], new int[] {0, 2}, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label 2 at flat index 1");
        assertThatThrownBy(() -> ReferenceLoss.of(Losses.weightedCrossEntropy(1, 2)).evaluate(batch(uniformLogits(18), List.of(), 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 class weights");
    }
}
