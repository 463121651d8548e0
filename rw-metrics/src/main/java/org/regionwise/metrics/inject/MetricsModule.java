package org.regionwise.metrics.inject;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.OptionalBinder;
import org.regionwise.metrics.EvaluationOptions;
import org.regionwise.metrics.Metric;

/**
 * Contributes every {@link Metric} to {@code MapBinder<String, Metric>} under its {@link Metric#key()} ({@code dice},
 * {@code hd}, {@code hd95}, {@code assd}, ...), so that a configuration value such as {@code metrics = dice,hd}
 * resolves by name, and binds {@link EvaluationOptions} to {@link EvaluationOptions#defaults()} unless another module
 * sets it ({@code OptionalBinder.newOptionalBinder(binder(), EvaluationOptions.class).setBinding()...}).
 *
 * <p>Listed in {@code META-INF/services/com.google.inject.Module}, so {@code Experiments.discover()} installs it.
 */
public final class MetricsModule extends AbstractModule {
    @Override
    protected void configure() {
        MapBinder<String, Metric> metrics = MapBinder.newMapBinder(binder(), String.class, Metric.class);
        for (Metric m : Metric.values()) {
            metrics.addBinding(m.key()).toInstance(m);
        }
        OptionalBinder.newOptionalBinder(binder(), EvaluationOptions.class).setDefault().toInstance(EvaluationOptions.defaults());
    }
}
