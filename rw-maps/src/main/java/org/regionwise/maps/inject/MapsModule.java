package org.regionwise.maps.inject;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import java.util.List;
import org.regionwise.core.map.MapSpec;
import org.regionwise.maps.NamedMaps;

/**
 * Contributes the named maps of {@link NamedMaps} to {@code MapBinder<String, MapSpec>} (other modules may add entries
 * to the same binder). Turn a spec into a map with {@code RegionWiseMaps.create(spec)}.
 */
public final class MapsModule extends AbstractModule {
    /** The outside values of the {@code class-balanced} entry, {@code [background, foreground]}. */
    public static final List<Double> DEFAULT_CLASS_BALANCE = NamedMaps.DEFAULT_CLASS_BALANCE;

    @Override
    protected void configure() {
        MapBinder<String, MapSpec> maps = MapBinder.newMapBinder(binder(), String.class, MapSpec.class);
        NamedMaps.all().forEach((name, spec) -> maps.addBinding(name).toInstance(spec));
    }
}
