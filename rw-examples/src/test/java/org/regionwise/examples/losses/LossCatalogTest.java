package org.regionwise.examples.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.regionwise.core.loss.LossSpec;
import org.regionwise.core.loss.Losses;

class LossCatalogTest {
    @Test
    void baseNamesMapToThePapersLosses() {
        assertThat(LossCatalog.names()).containsExactly("rrw", "ce", "wce", "focal", "dice", "gdl", "boundary", "boundary-dice");
        assertThat(LossCatalog.parse("rrw")).isEqualTo(Losses.rectifiedRegionWise());
        assertThat(LossCatalog.parse("CE")).isEqualTo(Losses.crossEntropy());
        assertThat(LossCatalog.parse("boundary-dice")).isEqualTo(Losses.boundaryDice());
        for (String n : LossCatalog.names()) assertThat(LossCatalog.parse(n)).isNotNull();
    }

    @Test
    void combinations() {
        LossSpec sum = LossCatalog.parse("rrw+ce");
        assertThat(sum).isEqualTo(Losses.equal(Losses.rectifiedRegionWise(), Losses.crossEntropy())).isEqualTo(org.regionwise.core.loss.NamedLosses.get("rrw+ce"));
        assertThat(LossCatalog.parse("gradual:dice,rrw")).isEqualTo(Losses.gradual(Losses.dice(), Losses.rectifiedRegionWise()));
        assertThat(LossCatalog.parse("gradual:dice,rrw+ce")).isInstanceOf(LossSpec.Gradual.class);
        // rw-core's other named losses
        assertThat(LossCatalog.parse("gradual-rrw-dice")).isEqualTo(LossCatalog.parse("gradual:dice,rrw"));
        assertThat(LossCatalog.parse("ac")).isInstanceOf(LossSpec.RegionWise.class);
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        assertThatThrownBy(() -> LossCatalog.parse("hinge")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown loss 'hinge'").hasMessageContaining("rrw, ce, wce");
        assertThatThrownBy(() -> LossCatalog.parse("rrw+")).hasMessageContaining("empty term");
        assertThatThrownBy(() -> LossCatalog.parse("gradual:dice")).hasMessageContaining("gradual:first,second");
        assertThatThrownBy(() -> LossCatalog.parse("rrw+hinge")).hasMessageContaining("unknown loss 'hinge'");
    }

    @Test
    void listsKeepGradualCommas() {
        assertThat(LossCatalog.splitList("rrw, ce,gradual:dice,rrw,rrw+ce")).containsExactly("rrw", "ce", "gradual:dice,rrw", "rrw+ce");
        assertThat(LossCatalog.splitList("gradual@0.1:ce,rrw,dice")).containsExactly("gradual@0.1:ce,rrw", "dice");
    }
}
