package org.regionwise.core.experiment;

import com.google.inject.Guice;
import com.google.inject.Module;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.regionwise.core.backend.TrainingBackend;
import org.regionwise.core.config.RegionWiseConfiguration;
import org.regionwise.core.inject.RegionWiseCoreModule;

/**
 * Starts experiment builders over a registry of named {@link TrainingBackend}s, defaulting to the backend chosen by
 * {@link RegionWiseConfiguration} ({@code regionwise.backend}).
 *
 * <p>With Guice, inject it: the registry is the {@code MapBinder<String, TrainingBackend>} of
 * {@link RegionWiseCoreModule}. Without Guice, {@link #discover()} builds that injector from the core module and
 * every {@link Module} listed in {@code META-INF/services/com.google.inject.Module} on the class path (this is how
 * {@code rw-tensorflow} contributes {@code "tensorflow"}), and {@link #of(TrainingBackend...)} uses given instances.
 */
public final class Experiments {
    private final Map<String, TrainingBackend> backends;
    private final RegionWiseConfiguration configuration;

    /**
     * A registry of {@code backends} by name, reading {@code configuration}.
     *
     * @param backends the backends by name
     * @param configuration the settings (the default backend among them)
     */
    @Inject
    public Experiments(Map<String, TrainingBackend> backends, RegionWiseConfiguration configuration) {
        this.backends = Map.copyOf(backends);
        this.configuration = configuration;
    }

    /**
     * Backends from Guice modules found with {@link ServiceLoader}, configuration from {@link
     * RegionWiseConfiguration#load()}.
     *
     * @return the registry
     */
    public static Experiments discover() {
        return discover(RegionWiseConfiguration.load());
    }

    /**
     * Backends from Guice modules found with {@link ServiceLoader}, with the given configuration.
     *
     * @param configuration the settings
     * @return the registry
     */
    public static Experiments discover(RegionWiseConfiguration configuration) {
        List<Module> modules = new ArrayList<>();
        modules.add(new RegionWiseCoreModule(configuration));
        for (Module m : ServiceLoader.load(Module.class)) modules.add(m);
        return Guice.createInjector(modules).getInstance(Experiments.class);
    }

    /**
     * The given backends under their {@link TrainingBackend#name()}s, with the given configuration.
     *
     * @param configuration the settings
     * @param backends the backends
     * @return the registry
     */
    public static Experiments of(RegionWiseConfiguration configuration, TrainingBackend... backends) {
        Map<String, TrainingBackend> m = new LinkedHashMap<>();
        for (TrainingBackend b : backends) {
            if (m.put(b.name(), b) != null) throw new IllegalArgumentException("two backends are named '" + b.name() + "'");
        }
        return new Experiments(m, configuration);
    }

    /**
     * The given backends; the default is the configured one.
     *
     * @param backends the backends
     * @return the registry
     */
    public static Experiments of(TrainingBackend... backends) { return of(RegionWiseConfiguration.load(), backends); }

    /**
     * A new builder whose default backend is the configured one.
     *
     * @return the first stage of a new builder
     */
    public ExperimentBuilder.DataStage experiment() {
        return new StagedExperimentBuilder(this::backend, configuration.backend());
    }

    /**
     * Names of the registered backends, sorted.
     *
     * @return the names
     */
    public Set<String> backendNames() { return new TreeSet<>(backends.keySet()); }

    /**
     * The configuration this factory reads.
     *
     * @return the configuration
     */
    public RegionWiseConfiguration configuration() { return configuration; }

    /**
     * The backend registered under {@code name}; an unknown name throws an exception that lists the known ones.
     *
     * @param name a registered name
     * @return the backend
     */
    public TrainingBackend backend(String name) { return select(backends, name, "requested"); }

    /**
     * The backend named by the configuration's {@code regionwise.backend}.
     *
     * @return the backend
     */
    public TrainingBackend configuredBackend() {
        return select(backends, configuration.backend(), "from " + configuration.source(RegionWiseConfiguration.BACKEND));
    }

    /**
     * Looks {@code name} up in {@code backends}; the exception of an unknown name lists the known ones.
     *
     * @param backends the backends by name
     * @param name the name to look up
     * @param origin where the name came from, for the message
     * @return the backend
     */
    public static TrainingBackend select(Map<String, TrainingBackend> backends, String name, String origin) {
        TrainingBackend b = backends.get(name);
        if (b == null) {
            String known = backends.isEmpty() ? "none is registered (put a backend such as rw-tensorflow on the class path, its Guice module listed in META-INF/services/com.google.inject.Module, or install the module in your injector)"
                    : "known backends: " + String.join(", ", new TreeSet<>(backends.keySet()));
            throw new IllegalArgumentException("unknown training backend '" + name + "' (" + origin + "); " + known);
        }
        return b;
    }
}
