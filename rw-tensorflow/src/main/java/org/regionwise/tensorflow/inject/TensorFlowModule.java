package org.regionwise.tensorflow.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.multibindings.MapBinder;
import org.jspecify.annotations.Nullable;
import org.regionwise.core.backend.Precision;
import org.regionwise.core.backend.TrainingBackend;
import org.regionwise.core.config.RegionWiseConfiguration;
import org.regionwise.tensorflow.TensorFlowBackend;

/**
 * Contributes the {@code "tensorflow"} entry to the {@code Map<String, TrainingBackend>} of training backends. The
 * backend runs in the precision the injector's {@link RegionWiseConfiguration} names ({@code regionwise.precision}),
 * or fp32 when the injector has no configuration (this module installed on its own).
 */
public final class TensorFlowModule extends AbstractModule {
    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, TrainingBackend.class).addBinding("tensorflow").toProvider(BackendProvider.class);
    }

    /** Creates the backend with the configured precision. */
    static final class BackendProvider implements Provider<TrainingBackend> {
        @Inject(optional = true) @Nullable RegionWiseConfiguration configuration;

        @Override
        public TrainingBackend get() {
            return new TensorFlowBackend(configuration == null ? Precision.FP32 : configuration.precision());
        }
    }
}
