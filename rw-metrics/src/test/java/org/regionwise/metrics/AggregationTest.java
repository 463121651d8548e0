package org.regionwise.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AggregationTest {

    static CaseEvaluation one(String id, MetricValue dice) {
        return new CaseEvaluation(id, new int[] {1}, Map.of(new MetricId(id, 1, Metric.DICE), dice), Map.of());
    }

    @Test
    void undefinedValuesAreCountedNotAveragedAsZero() {
        List<CaseEvaluation> cases = List.of(one("a", MetricValue.of(0.8)), one("b", MetricValue.of(0.6)),
                one("c", MetricValue.undefined("both empty")), one("d", MetricValue.of(1.0)));
        MetricSummary s = Aggregation.summarize(cases).get(0);
        assertThat(s.cases()).isEqualTo(4);
        assertThat(s.defined()).isEqualTo(3);
        assertThat(s.undefined()).isEqualTo(1);
        assertThat(s.mean()).isCloseTo(0.8, within(1e-12));
        assertThat(s.std()).isCloseTo(0.2, within(1e-12)); // sample std of 0.6, 0.8, 1.0
        assertThat(s.median()).isCloseTo(0.8, within(1e-12));
        assertThat(s.min()).isEqualTo(0.6);
        assertThat(s.max()).isEqualTo(1.0);
    }

    @Test
    void medianOfAnEvenCountIsTheMiddleAverage() {
        List<CaseEvaluation> cases = List.of(one("a", MetricValue.of(1)), one("b", MetricValue.of(2)),
                one("c", MetricValue.of(3)), one("d", MetricValue.of(10)));
        assertThat(Aggregation.summarize(cases).get(0).median()).isEqualTo(2.5);
    }

    @Test
    void skippedEntriesAreCountedAndInfinityIsNotHidden() {
        MetricId hd = new MetricId("a", 1, Metric.HAUSDORFF);
        CaseEvaluation a = new CaseEvaluation("a", new int[] {1}, Map.of(), Map.of(hd, "prediction is empty"));
        CaseEvaluation b = new CaseEvaluation("b", new int[] {1}, Map.of(new MetricId("b", 1, Metric.HAUSDORFF),
                MetricValue.substituted(Double.POSITIVE_INFINITY, "prediction is empty")), Map.of());
        CaseEvaluation c = new CaseEvaluation("c", new int[] {1}, Map.of(new MetricId("c", 1, Metric.HAUSDORFF), MetricValue.of(3)), Map.of());
        MetricSummary s = Aggregation.summarize(List.of(a, b, c)).get(0);
        assertThat(s.cases()).isEqualTo(3);
        assertThat(s.skipped()).isEqualTo(1);
        assertThat(s.defined()).isEqualTo(2);
        assertThat(s.mean()).isInfinite();
        assertThat(s.max()).isInfinite();
    }

    @Test
    void noDefinedValueGivesNaNStatistics() {
        MetricSummary s = Aggregation.summarize(List.of(one("a", MetricValue.undefined("x")))).get(0);
        assertThat(s.mean()).isNaN();
        assertThat(s.std()).isNaN();
        assertThat(s.median()).isNaN();
        MetricSummary single = Aggregation.summarize(List.of(one("a", MetricValue.of(0.5)))).get(0);
        assertThat(single.mean()).isEqualTo(0.5);
        assertThat(single.std()).isNaN();
    }

    @Test
    void duplicateCaseIdsAreRejected() {
        assertThatThrownBy(() -> Aggregation.summarize(List.of(one("a", MetricValue.of(1)), one("a", MetricValue.of(1)))))
                .hasMessageContaining("'a'");
    }

    @Test
    void aNaNWithoutReasonIsRejected() {
        assertThatThrownBy(() -> new MetricValue(Double.NaN, null)).hasMessageContaining("reason");
    }

    @Test
    void resultsAreOrderedByLabelThenMetric() {
        int[] labels = {2, 1};
        var g = org.regionwise.core.image.Grid.of2D(6, 6);
        int[] d = new int[36];
        d[7] = 1;
        d[14] = 2;
        var img = new org.regionwise.core.image.LabelImage(g, d);
        CaseEvaluation e = Metrics.evaluate("x", img, img, labels);
        assertThat(List.copyOf(e.asMap().keySet())).isSorted();
        assertThat(e.labels()).containsExactly(2, 1);
        assertThat(Aggregation.summarize(List.of(e))).extracting(MetricSummary::label).isSorted();
    }
}
