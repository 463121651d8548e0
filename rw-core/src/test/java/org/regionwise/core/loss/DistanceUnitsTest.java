package org.regionwise.core.loss;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.regionwise.core.map.DistanceUnits;
import org.regionwise.core.map.MapSpec;

/** {@link Losses#withDistanceUnits}: every distance map of a loss expression switches units, nothing else changes. */
class DistanceUnitsTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rrw", "boundary", "boundary-dice", "rrw+ce", "gradual:dice,rrw", "ce", "dice", "focal", "wce", "gdl"})
    void everyDistanceMapOfTheExpressionIsInMillimetresAndTheRestIsUnchanged(String expression) {
        LossSpec voxels = NamedLosses.parse(expression);
        LossSpec mm = Losses.withDistanceUnits(voxels, DistanceUnits.PHYSICAL);
        assertThat(mm.id()).isEqualTo(voxels.id());
        assertThat(mm.maps()).hasSameSizeAs(voxels.maps());
        for (MapSpec m : mm.maps()) assertThat(units(m)).containsOnly(DistanceUnits.PHYSICAL);
        assertThat(Losses.withDistanceUnits(mm, DistanceUnits.VOXELS).maps()).isEqualTo(
                voxels.maps().stream().map(m -> Losses.withDistanceUnits(m, DistanceUnits.VOXELS)).toList());
        if (voxels.maps().isEmpty()) assertThat(mm).isEqualTo(voxels);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"class-balanced", "frequency-balanced", "weighted"})
    void balancedAndWeightedMapsSwitchUnitsAndKeepTheirParameters(String kind) {
        MapSpec m = switch (kind) {
            case "class-balanced" -> new MapSpec.ClassBalanced(List.of(1.0, 2.0, 3.0), DistanceUnits.VOXELS);
            case "frequency-balanced" -> new MapSpec.FrequencyBalanced(DistanceUnits.VOXELS);
            default -> new MapSpec.Weighted(List.of(new MapSpec.Term(0.5, new MapSpec.Rectified(DistanceUnits.VOXELS)),
                    new MapSpec.Term(2, new MapSpec.ActiveContour())));
        };
        MapSpec mm = Losses.withDistanceUnits(m, DistanceUnits.PHYSICAL);
        assertThat(mm.id()).isEqualTo(m.id());
        if (mm instanceof MapSpec.ClassBalanced c) assertThat(c.outside()).containsExactly(1.0, 2.0, 3.0);
        if (mm instanceof MapSpec.Weighted w) {
            assertThat(w.terms().get(0)).isEqualTo(new MapSpec.Term(0.5, new MapSpec.Rectified(DistanceUnits.PHYSICAL)));
            assertThat(w.terms().get(1)).isEqualTo(new MapSpec.Term(2, new MapSpec.ActiveContour()));
        }
        assertThat(units(mm)).containsOnly(DistanceUnits.PHYSICAL);
    }

    private static List<DistanceUnits> units(MapSpec m) {
        if (m instanceof MapSpec.Rectified r) return List.of(r.units());
        if (m instanceof MapSpec.Boundary b) return List.of(b.units());
        if (m instanceof MapSpec.ClassBalanced c) return List.of(c.units());
        if (m instanceof MapSpec.FrequencyBalanced f) return List.of(f.units());
        if (m instanceof MapSpec.Weighted w) return w.terms().stream().flatMap(t -> units(t.map()).stream()).toList();
        return List.of();
    }
}
