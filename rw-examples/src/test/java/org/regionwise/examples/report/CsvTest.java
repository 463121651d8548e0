package org.regionwise.examples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void writesAndParsesQuotedFieldsAndNumbers() {
        Csv c = new Csv("name", "value", "note");
        c.row("gradual:dice,rrw", 0.85, "say \"hi\"");
        c.row("rrw", Double.NaN, "");
        c.row("ce", 12.0, "x");
        List<List<String>> rows = Csv.parse(c.text());
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1)).containsExactly("gradual:dice,rrw", "0.85", "say \"hi\"");
        assertThat(rows.get(2)).containsExactly("rrw", "", "");
        assertThat(rows.get(3)).containsExactly("ce", "12", "x");
        assertThatThrownBy(() -> c.row("a")).hasMessageContaining("1 values");
    }

    @Test
    void statsSkipNaN() {
        Stats s = Stats.of(new double[] {1, 3, Double.NaN});
        assertThat(s.mean()).isEqualTo(2);
        assertThat(s.std()).isCloseTo(Math.sqrt(2), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s.count()).isEqualTo(2);
        assertThat(s.nans()).isEqualTo(1);
        assertThat(Stats.of(new double[] {Double.NaN}).mean()).isNaN();
        assertThat(Stats.of(new double[] {4}).std()).isNaN();
    }

    @Test
    void slugs() {
        assertThat(ReportWriter.slug("rrw+ce")).isEqualTo("rrw_plus_ce");
        assertThat(ReportWriter.slug("gradual:dice,rrw")).isEqualTo("gradual-dice-rrw");
    }
}
