package org.regionwise.metrics.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.metrics.Aggregation;
import org.regionwise.metrics.CaseEvaluation;
import org.regionwise.metrics.EvaluationOptions;
import org.regionwise.metrics.Metric;
import org.regionwise.metrics.MetricId;
import org.regionwise.metrics.MetricSummary;
import org.regionwise.metrics.MetricValue;

class WritersTest {
    @TempDir Path dir;

    static List<CaseEvaluation> cases() {
        CaseEvaluation a = new CaseEvaluation("case,1", new int[] {1}, Map.of(
                new MetricId("case,1", 1, Metric.DICE), MetricValue.of(0.75),
                new MetricId("case,1", 1, Metric.HAUSDORFF), MetricValue.substituted(Double.POSITIVE_INFINITY, "prediction is \"empty\"")),
                Map.of(new MetricId("case,1", 1, Metric.HAUSDORFF95), "skipped by policy"));
        CaseEvaluation b = new CaseEvaluation("b", new int[] {1}, Map.of(
                new MetricId("b", 1, Metric.DICE), MetricValue.undefined("both empty"),
                new MetricId("b", 1, Metric.HAUSDORFF), MetricValue.of(2.5)), Map.of());
        return List.of(a, b);
    }

    @Test
    void csvHasStatusValueAndQuotedNotes() throws Exception {
        Path f = dir.resolve("sub/cases.csv");
        ResultsCsv.writeCases(f, cases());
        List<String> lines = Files.readAllLines(f);
        assertThat(lines.get(0)).isEqualTo("case,label,metric,unit,status,value,note");
        assertThat(lines).contains("\"case,1\",1,dice,,measured,0.75,",
                "\"case,1\",1,hd,mm,substituted,inf,\"prediction is \"\"empty\"\"\"",
                "\"case,1\",1,hd95,mm,skipped,,skipped by policy",
                "b,1,dice,,undefined,NaN,both empty");
        assertThat(Files.list(f.getParent())).hasSize(1); // no temp file left behind
    }

    @Test
    void theCasesCsvReadsBackToTheSameEvaluations() {
        String csv = ResultsCsv.cases(cases());
        List<CaseEvaluation> back = ResultsCsv.parseCases(csv);
        assertThat(back).hasSize(2);
        assertThat(ResultsCsv.cases(back)).isEqualTo(csv);
        assertThat(back.get(0).caseId()).isEqualTo("case,1");
        assertThat(back.get(0).labels()).containsExactly(1);
        assertThat(back.get(0).skipped()).containsEntry(new MetricId("case,1", 1, Metric.HAUSDORFF95), "skipped by policy");
        assertThat(back.get(0).asMap().get(new MetricId("case,1", 1, Metric.HAUSDORFF)).value()).isInfinite();
        // full precision survives, and a line cut short by a kill is dropped
        CaseEvaluation c = new CaseEvaluation("c", new int[] {2, 5}, Map.of(new MetricId("c", 2, Metric.DICE), MetricValue.of(0.1 + 0.2),
                new MetricId("c", 5, Metric.DICE), MetricValue.of(Math.PI)), Map.of());
        String full = ResultsCsv.cases(List.of(c));
        assertThat(ResultsCsv.parseCases(full).get(0).asMap().get(new MetricId("c", 2, Metric.DICE)).value()).isEqualTo(0.1 + 0.2);
        assertThat(ResultsCsv.parseCases(full).get(0).labels()).containsExactly(2, 5);
        assertThat(ResultsCsv.parseCases(full.substring(0, full.length() - 6)).get(0).asMap()).hasSize(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ResultsCsv.parseCases("a,b\n1,2\n")).hasMessageContaining("header");
    }

    @Test
    void summaryCsvAndTable() {
        List<MetricSummary> s = Aggregation.summarize(cases());
        String csv = ResultsCsv.summary(s);
        assertThat(csv).startsWith("label,metric,unit,cases,defined,undefined,skipped,mean,std,median,min,max\n");
        assertThat(csv).contains("1,dice,,2,1,1,0,0.75,NaN,0.75,0.75,0.75");
        assertThat(csv).contains("1,hd95,mm,1,0,0,1,NaN");
        String table = ResultsTable.of(cases(), s, List.of(Metric.DICE, Metric.HAUSDORFF, Metric.HAUSDORFF95));
        assertThat(table).contains("case,1").contains("0.7500").contains("inf*").contains("skip").contains("nan")
                .contains("mean ± std").contains("(1 nan)").contains("(1 skip)");
    }

    @Test
    void jsonIsValidAndNamesEveryNonFiniteValue() throws Exception {
        Path f = dir.resolve("r.json");
        ResultsJson.write(f, cases(), Aggregation.summarize(cases()), EvaluationOptions.defaults());
        String json = Files.readString(f);
        assertThat(json).contains("\"hd95\": \"MEDPY_POOLED\"").contains("\"emptyMaskPolicy\": \"NAN\"")
                .contains("\"value\": null, \"valueNonFinite\": \"Infinity\"")
                .contains("\"value\": null, \"valueNonFinite\": \"NaN\"")
                .contains("\"status\": \"skipped\"").contains("prediction is \\\"empty\\\"");
        if (Files.isExecutable(Path.of("/usr/bin/python3"))) {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import json,sys; json.load(open(sys.argv[1]))", f.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor()).as(out).isZero();
        }
    }
}
