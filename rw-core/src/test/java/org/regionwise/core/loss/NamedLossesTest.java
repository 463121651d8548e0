package org.regionwise.core.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The loss names and the combination grammar shared by the CLI, the fluent builder, Guice and the Kotlin DSL. */
class NamedLossesTest {

    @Test
    void everyNamedLossIsWhatParsingItsNameGives() {
        for (Map.Entry<String, LossSpec> e : NamedLosses.all().entrySet()) {
            assertThat(NamedLosses.parse(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(NamedLosses.get(e.getKey())).isEqualTo(e.getValue());
        }
        // the named combinations agree with the grammar applied to the base names
        assertThat(NamedLosses.get("rrw+ce")).isEqualTo(Losses.equal(Losses.rectifiedRegionWise(), Losses.crossEntropy()));
        assertThat(NamedLosses.get("gradual-rrw-dice")).isEqualTo(NamedLosses.parse("gradual:dice,rrw"));
        assertThat(NamedLosses.get("boundary-dice")).isEqualTo(NamedLosses.parse("gradual:dice,boundary"));
    }

    @Test
    void sumsKeepTheWrittenOrderAndNest() {
        assertThat(NamedLosses.parse("ce+rrw")).isEqualTo(Losses.equal(Losses.crossEntropy(), Losses.rectifiedRegionWise()));
        assertThat(NamedLosses.parse(" Dice + CE + RRW ")).isEqualTo(new LossSpec.WeightedSum(List.of(
                new LossSpec.Term(1, Losses.dice()), new LossSpec.Term(1, Losses.crossEntropy()), new LossSpec.Term(1, Losses.rectifiedRegionWise()))));
        assertThat(NamedLosses.parse("gradual:dice,rrw+ce"))
                .isEqualTo(Losses.gradual(Losses.dice(), Losses.equal(Losses.rectifiedRegionWise(), Losses.crossEntropy())));
        assertThat(NamedLosses.parse("GRADUAL:ce, ac")).isEqualTo(Losses.gradual(Losses.crossEntropy(), NamedLosses.get("ac")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hinge", "rrw+hinge", "gradual:dice,hinge"})
    void unknownNamesAreNamedWithTheKnownOnes(String expression) {
        assertThatThrownBy(() -> NamedLosses.parse(expression)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown loss 'hinge'").hasMessageContaining("rrw, ce, wce, focal, dice, gdl, boundary, boundary-dice")
                .hasMessageContaining("combinations a+b, gradual:a,b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rrw+", "+ce", "rrw++ce"})
    void emptyTermsAreRejected(String expression) {
        assertThatThrownBy(() -> NamedLosses.parse(expression)).hasMessageContaining("empty term");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gradual:dice", "gradual:dice,", "gradual:,rrw", "gradual:a,b,c"})
    void badGradualCombinationsShowTheSyntax(String expression) {
        assertThatThrownBy(() -> NamedLosses.parse(expression)).hasMessageContaining("gradual:first,second");
    }

    @Test
    void gradualWithAStepScalesThePapersSchedule() {
        LossSpec.Gradual g = (LossSpec.Gradual) NamedLosses.parse("gradual@0.1:ce,rrw");
        assertThat(g.first()).isEqualTo(Losses.crossEntropy());
        assertThat(g.second()).isEqualTo(Losses.rectifiedRegionWise());
        assertThat(g.schedule()).isEqualTo(new AlphaSchedule(1, 0.1, 0.01));
        assertThat(g.schedule().alpha(0)).isEqualTo(1.0);
        assertThat(g.schedule().alpha(5)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(g.schedule().alpha(12)).isEqualTo(0.01);
        assertThat(((LossSpec.Gradual) NamedLosses.parse("gradual:ce,rrw")).schedule()).isEqualTo(AlphaSchedule.paper());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gradual@:ce,rrw", "gradual@0:ce,rrw", "gradual@1.5:ce,rrw", "gradual@x:ce,rrw", "gradual@0.1"})
    void badGradualStepsShowTheSyntax(String expression) {
        assertThatThrownBy(() -> NamedLosses.parse(expression)).hasMessageContaining("gradual@STEP:first,second");
    }
}
