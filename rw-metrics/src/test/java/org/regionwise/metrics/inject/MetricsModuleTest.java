package org.regionwise.metrics.inject;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.OptionalBinder;
import java.util.EnumSet;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.regionwise.metrics.EmptyMaskPolicy;
import org.regionwise.metrics.EvaluationOptions;
import org.regionwise.metrics.Metric;

class MetricsModuleTest {

    @Test
    void everyMetricIsBoundUnderItsKey() {
        Injector injector = Guice.createInjector(new MetricsModule());
        Map<String, Metric> metrics = injector.getInstance(Key.get(new TypeLiteral<Map<String, Metric>>() {}));
        assertThat(metrics).hasSize(Metric.values().length);
        for (Metric m : Metric.values()) assertThat(metrics.get(m.key())).isEqualTo(m);
        assertThat(injector.getInstance(EvaluationOptions.class)).isEqualTo(EvaluationOptions.defaults());
    }

    @Test
    void anotherModuleCanOverrideTheEvaluationOptions() {
        EvaluationOptions mine = new EvaluationOptions(EnumSet.of(Metric.DICE, Metric.HAUSDORFF), EmptyMaskPolicy.DIAGONAL, 0,
                EvaluationOptions.defaults().percentileConvention(), 1, 1, false);
        Injector injector = Guice.createInjector(new MetricsModule(), new AbstractModule() {
            @Override protected void configure() {
                OptionalBinder.newOptionalBinder(binder(), EvaluationOptions.class).setBinding().toInstance(mine);
            }
        });
        assertThat(injector.getInstance(EvaluationOptions.class)).isEqualTo(mine);
    }

    @Test
    void isDiscoverableWithServiceLoader() {
        assertThat(ServiceLoader.load(com.google.inject.Module.class).stream().map(p -> p.type().getName()))
                .contains(MetricsModule.class.getName(), "org.regionwise.maps.inject.MapsModule");
    }
}
