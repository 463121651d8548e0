package org.regionwise.core.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.ProvisionException;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.regionwise.core.backend.TrainingBackend;
import org.regionwise.core.config.RegionWiseConfiguration;
import org.regionwise.core.experiment.Experiment;
import org.regionwise.core.experiment.Experiments;
import org.regionwise.core.experiment.FakeBackend;
import org.regionwise.core.experiment.TestData;
import org.regionwise.core.loss.LossSpec;
import org.regionwise.core.loss.Losses;
import org.regionwise.core.loss.NamedLosses;
import org.regionwise.core.map.MapSpec;

class RegionWiseCoreModuleTest {

    /** Two fake backends, as a backend module contributes them. */
    static final class TwoBackends extends AbstractModule {
        @Override protected void configure() {
            MapBinder<String, TrainingBackend> b = MapBinder.newMapBinder(binder(), String.class, TrainingBackend.class);
            b.addBinding("alpha").toInstance(new FakeBackend("alpha"));
            b.addBinding("beta").toInstance(new FakeBackend("beta"));
        }
    }

    private static Injector injector(Map<String, String> configuration) {
        return Guice.createInjector(new RegionWiseCoreModule(RegionWiseConfiguration.of(configuration)), new TwoBackends());
    }

    @Test
    void configurationAloneSwapsTheBackend() {
        assertThat(injector(Map.of("regionwise.backend", "alpha")).getInstance(TrainingBackend.class).name()).isEqualTo("alpha");
        assertThat(injector(Map.of("regionwise.backend", "beta")).getInstance(TrainingBackend.class).name()).isEqualTo("beta");
        // and the experiments built from the injector follow it
        Experiments experiments = injector(Map.of("regionwise.backend", "beta")).getInstance(Experiments.class);
        Experiment e = experiments.experiment().data(TestData.squares()).loss("rrw").model(m -> {}).build();
        assertThat(e.backend().name()).isEqualTo("beta");
    }

    @Test
    void anUnknownBackendListsTheKnownOnes() {
        assertThatThrownBy(() -> injector(Map.of("regionwise.backend", "gamma")).getInstance(TrainingBackend.class))
                .isInstanceOf(ProvisionException.class)
                .rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown training backend 'gamma' (from explicit setting regionwise.backend)")
                .hasMessageContaining("known backends: alpha, beta");
        assertThatThrownBy(() -> Guice.createInjector(new RegionWiseCoreModule(RegionWiseConfiguration.defaults())).getInstance(TrainingBackend.class))
                .rootCause().hasMessageContaining("'tensorflow'").hasMessageContaining("none is registered");
    }

    @Test
    void namedLossesAndAnEmptyMapRegistryAreBound() {
        Injector injector = injector(Map.of("regionwise.loss", "gradual-rrw-dice"));
        Map<String, LossSpec> losses = injector.getInstance(Key.get(new TypeLiteral<Map<String, LossSpec>>() {}));
        assertThat(losses).containsAllEntriesOf(NamedLosses.all())
                .containsKeys("rrw", "ce", "wce", "focal", "dice", "gdl", "boundary", "boundary-dice", "rrw+ce", "gradual-rrw-ce", "gradual-rrw-dice");
        assertThat(losses.get("rrw+ce")).isEqualTo(Losses.equal(Losses.rectifiedRegionWise(), Losses.crossEntropy()));
        assertThat(injector.getInstance(LossSpec.class)).isEqualTo(Losses.gradual(Losses.dice(), Losses.rectifiedRegionWise()));
        assertThat(injector.getInstance(Key.get(new TypeLiteral<Map<String, MapSpec>>() {}))).isEmpty();
    }

    @Test
    void theConfiguredLossMayBeACombination() {
        assertThat(injector(Map.of("regionwise.loss", "gradual:dice,rrw+ce")).getInstance(LossSpec.class))
                .isEqualTo(Losses.gradual(Losses.dice(), Losses.equal(Losses.rectifiedRegionWise(), Losses.crossEntropy())));
        assertThatThrownBy(() -> injector(Map.of("regionwise.loss", "rrw+hinge")).getInstance(LossSpec.class))
                .rootCause().hasMessageContaining("unknown loss 'hinge'").hasMessageContaining("combinations a+b, gradual:a,b")
                .hasMessageContaining("(from ");
    }

    @Test
    void otherModulesContributeMapsAndLosses() {
        Injector injector = Guice.createInjector(new RegionWiseCoreModule(RegionWiseConfiguration.defaults()), new AbstractModule() {
            @Override protected void configure() {
                MapBinder.newMapBinder(binder(), String.class, MapSpec.class).addBinding("rrw").toInstance(org.regionwise.core.map.Maps.rectified());
                MapBinder.newMapBinder(binder(), String.class, LossSpec.class).addBinding("focal-0.5").toInstance(Losses.focal(0.5, 1));
            }
        });
        assertThat(injector.getInstance(Key.get(new TypeLiteral<Map<String, MapSpec>>() {}))).containsOnlyKeys("rrw");
        assertThat(injector.getInstance(Key.get(new TypeLiteral<Map<String, LossSpec>>() {}))).containsKey("focal-0.5");
    }
}
