package org.regionwise.examples.kotlin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.regionwise.core.loss.Losses;

/** The mixed build compiles Kotlin before Java: Java code sees the DSL's top-level functions. */
class JavaSeesKotlinTest {
    @Test
    void javaCallsTheKotlinDsl() {
        assertThat(RegionWiseDslKt.rrw()).isEqualTo(Losses.rectifiedRegionWise());
        assertThat(KotlinExampleKt.disc("d", 16, 4, 1).labels().data()).contains(0, 1);
    }
}
