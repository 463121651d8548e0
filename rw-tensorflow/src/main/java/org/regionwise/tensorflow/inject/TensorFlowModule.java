package org.regionwise.tensorflow.inject;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import org.regionwise.core.backend.TrainingBackend;
import org.regionwise.tensorflow.TensorFlowBackend;

/** Contributes the {@code "tensorflow"} entry to the {@code Map<String, TrainingBackend>} of training backends. */
public final class TensorFlowModule extends AbstractModule {
    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, TrainingBackend.class).addBinding("tensorflow").to(TensorFlowBackend.class);
    }
}
