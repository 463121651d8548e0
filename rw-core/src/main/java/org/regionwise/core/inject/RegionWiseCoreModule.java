package org.regionwise.core.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.MapBinder;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.regionwise.core.backend.TrainingBackend;
import org.regionwise.core.config.RegionWiseConfiguration;
import org.regionwise.core.experiment.Experiments;
import org.regionwise.core.loss.LossSpec;
import org.regionwise.core.loss.NamedLosses;
import org.regionwise.core.map.MapSpec;

/**
 * The core Guice module.
 *
 * <ul>
 *   <li>{@code Map<String, LossSpec>}: every loss of {@link NamedLosses} ({@code "rrw"}, {@code "ce"},
 *       {@code "gradual-rrw-dice"}, ...); other modules may add more.</li>
 *   <li>{@code Map<String, MapSpec>}: created empty here; {@code rw-maps}' {@code MapsModule} adds the named maps.</li>
 *   <li>{@code Map<String, TrainingBackend>}: created empty here; backend modules add themselves
 *       ({@code rw-tensorflow} adds {@code "tensorflow"}).</li>
 *   <li>{@link RegionWiseConfiguration}: the instance given, or {@link RegionWiseConfiguration#load()}.</li>
 *   <li>{@link TrainingBackend}: the one named by {@code regionwise.backend}; an unknown name fails with the list of
 *       known backends.</li>
 *   <li>{@link LossSpec}: the loss named by {@code regionwise.loss} (a bound name or a combination such as
 *       {@code rrw+ce} or {@code gradual:dice,rrw}).</li>
 * </ul>
 *
 * Contribute a backend with
 * {@code MapBinder.newMapBinder(binder(), String.class, TrainingBackend.class).addBinding("name").to(MyBackend.class)}.
 */
public final class RegionWiseCoreModule extends AbstractModule {
    private final @Nullable RegionWiseConfiguration configuration;

    /** Reads the configuration with {@link RegionWiseConfiguration#load()} when the injector is created. */
    public RegionWiseCoreModule() { this.configuration = null; }

    /**
     * The module with an explicit configuration.
     *
     * @param configuration the settings bound for injection
     */
    public RegionWiseCoreModule(RegionWiseConfiguration configuration) { this.configuration = configuration; }

    @Override protected void configure() {
        MapBinder<String, LossSpec> losses = MapBinder.newMapBinder(binder(), String.class, LossSpec.class);
        for (Map.Entry<String, LossSpec> e : NamedLosses.all().entrySet()) losses.addBinding(e.getKey()).toInstance(e.getValue());
        MapBinder.newMapBinder(binder(), String.class, MapSpec.class);
        MapBinder.newMapBinder(binder(), String.class, TrainingBackend.class);
        bind(RegionWiseConfiguration.class).toInstance(configuration != null ? configuration : RegionWiseConfiguration.load());
        bind(Experiments.class);
    }

    /** The backend named by {@code regionwise.backend}. */
    @Provides TrainingBackend configuredBackend(Map<String, TrainingBackend> backends, RegionWiseConfiguration configuration) {
        return Experiments.select(backends, configuration.backend(), "from " + configuration.source(RegionWiseConfiguration.BACKEND));
    }

    /**
     * The loss named by {@code regionwise.loss}: a bound name or a combination of bound names
     * ({@link NamedLosses#parse(String, Map)}, e.g. {@code rrw+ce}, {@code gradual:dice,rrw}).
     */
    @Provides LossSpec configuredLoss(Map<String, LossSpec> losses, RegionWiseConfiguration configuration) {
        try {
            return NamedLosses.parse(configuration.loss(), losses);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (from " + configuration.source(RegionWiseConfiguration.LOSS) + ")");
        }
    }
}
