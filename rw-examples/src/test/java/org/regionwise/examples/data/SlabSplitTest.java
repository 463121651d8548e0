package org.regionwise.examples.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SlabSplitTest {
    @Test
    void cyclesTrainingValidationTrainingTestWithGaps() {
        SlabSplit s = new SlabSplit(3, 1);
        StringBuilder b = new StringBuilder();
        for (int z = 0; z < 15; z++) b.append(s.partOf(z).name().charAt(0));
        // slabs: T T T | V V V | T T T | T(est) ... first slice after each change dropped
        assertThat(b.toString()).isEqualTo("TTTDVVDTTDTTDTT");
    }

    @ParameterizedTest
    @CsvSource({"5,1", "4,2", "8,0", "1,0"})
    void neverPutsNeighboursOfDifferentSplitsTogetherWhenThereIsAGap(int size, int gap) {
        SlabSplit s = new SlabSplit(size, gap);
        for (int z = 1; z < 200; z++) {
            SlabSplit.Part a = s.partOf(z - 1), b = s.partOf(z);
            if (gap > 0 && a != SlabSplit.Part.DROPPED && b != SlabSplit.Part.DROPPED) assertThat(a).isEqualTo(b);
        }
    }

    @Test
    void rejectsBadParameters() {
        assertThatThrownBy(() -> new SlabSplit(0, 0)).hasMessageContaining("slab size");
        assertThatThrownBy(() -> new SlabSplit(3, 3)).hasMessageContaining("gap");
    }
}
