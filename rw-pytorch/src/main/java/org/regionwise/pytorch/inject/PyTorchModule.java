package org.regionwise.pytorch.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.multibindings.MapBinder;
import org.jspecify.annotations.Nullable;
import org.regionwise.core.backend.Precision;
import org.regionwise.core.backend.TrainingBackend;
import org.regionwise.core.config.RegionWiseConfiguration;
import org.regionwise.pytorch.PyTorchBackend;

/**
 * Contributes the {@code "pytorch"} entry to the {@code Map<String, TrainingBackend>} of training backends, asked for
 * the precision the injector's {@link RegionWiseConfiguration} names (fp32 without one); the engine refuses bf16 when
 * it trains or loads.
 */
public final class PyTorchModule extends AbstractModule {
    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, TrainingBackend.class).addBinding("pytorch").toProvider(BackendProvider.class);
    }

    /** Creates the backend with the configured precision. */
    static final class BackendProvider implements Provider<TrainingBackend> {
        @Inject(optional = true) @Nullable RegionWiseConfiguration configuration;

        @Override
        public TrainingBackend get() {
            return new PyTorchBackend(configuration == null ? Precision.FP32 : configuration.precision());
        }
    }
}
