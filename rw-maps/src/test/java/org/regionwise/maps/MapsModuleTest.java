package org.regionwise.maps;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.regionwise.core.map.MapSpec;
import org.regionwise.core.map.Maps;
import org.regionwise.maps.inject.MapsModule;

class MapsModuleTest {
    @Test
    void contributesTheNamedMapsAlongsideOtherModules() {
        AbstractModule other = new AbstractModule() {
            @Override protected void configure() {
                MapBinder.newMapBinder(binder(), String.class, MapSpec.class).addBinding("mine").toInstance(Maps.activeContour());
            }
        };
        Map<String, MapSpec> maps = Guice.createInjector(new MapsModule(), other)
                .getInstance(Key.get(new TypeLiteral<Map<String, MapSpec>>() {}));
        assertThat(maps).containsOnlyKeys("rrw", "boundary", "boundary-kervadec", "ac", "class-balanced", "rrw-balanced", "unet-border", "mine");
        assertThat(maps.get("rrw")).isEqualTo(Maps.rectified());
        assertThat(maps.get("boundary-kervadec")).isEqualTo(Maps.boundaryKervadec());
        assertThat(((MapSpec.ClassBalanced) maps.get("class-balanced")).outside()).containsExactly(0.95, 0.05);
        for (Map.Entry<String, MapSpec> e : maps.entrySet()) {
            assertThat(e.getValue().id()).isEqualTo(e.getKey().equals("mine") ? "ac" : e.getKey());
            assertThat(RegionWiseMaps.create(e.getValue()).compute(TestLabels.square7(), 2).classes()).isEqualTo(2);
        }
    }
}
