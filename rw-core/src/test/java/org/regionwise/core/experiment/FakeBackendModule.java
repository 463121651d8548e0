package org.regionwise.core.experiment;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import org.regionwise.core.backend.TrainingBackend;

/**
 * Registers fake backends "fake", "other-fake" and, standing in for the real one in rw-core's tests, "tensorflow";
 * listed in the test class path's META-INF/services so that {@code RegionWise.experiment()} discovers it.
 */
public final class FakeBackendModule extends AbstractModule {
    @Override protected void configure() {
        MapBinder<String, TrainingBackend> backends = MapBinder.newMapBinder(binder(), String.class, TrainingBackend.class);
        backends.addBinding("fake").toInstance(new FakeBackend("fake"));
        backends.addBinding("other-fake").toInstance(new FakeBackend("other-fake"));
        backends.addBinding("tensorflow").toInstance(new FakeBackend("tensorflow"));
    }
}
