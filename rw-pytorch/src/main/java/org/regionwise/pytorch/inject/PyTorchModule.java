package org.regionwise.pytorch.inject;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import org.regionwise.core.backend.TrainingBackend;
import org.regionwise.pytorch.PyTorchBackend;

/** Contributes the {@code "pytorch"} entry to the {@code Map<String, TrainingBackend>} of training backends. */
public final class PyTorchModule extends AbstractModule {
    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, TrainingBackend.class).addBinding("pytorch").to(PyTorchBackend.class);
    }
}
