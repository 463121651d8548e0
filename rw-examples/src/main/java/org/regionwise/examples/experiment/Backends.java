package org.regionwise.examples.experiment;

import java.util.Locale;
import java.util.Set;
import org.regionwise.core.backend.TrainingBackend;
import org.regionwise.core.config.RegionWiseConfiguration;
import org.regionwise.core.experiment.Experiments;

/**
 * Training backends by name, as {@code --backend} selects them: the registry of rw-core's {@link Experiments}, i.e.
 * every backend whose Guice module is listed in {@code META-INF/services/com.google.inject.Module} on the class path
 * ({@code rw-tensorflow} adds {@code "tensorflow"}).
 */
public final class Backends {
    private Backends() {}

    /**
     * The default backend's name.
     *
     * @return the name
     */
    public static String defaultName() { return "tensorflow"; }

    /**
     * A new backend called {@code name}.
     *
     * @param name a registered backend's name
     * @return the backend
     * @throws IllegalArgumentException listing the known names
     */
    public static TrainingBackend byName(String name) { return byName(name, org.regionwise.core.backend.Precision.FP32); }

    /**
     * A new backend called {@code name} whose network runs in {@code precision}.
     *
     * @param name a registered backend's name
     * @param precision fp32 or bf16 (an engine without bf16 rejects it when it trains or loads)
     * @return the backend
     * @throws IllegalArgumentException listing the known names
     */
    public static TrainingBackend byName(String name, org.regionwise.core.backend.Precision precision) {
        Experiments registry = Experiments.discover(RegionWiseConfiguration.defaults()
                .with(java.util.Map.of(RegionWiseConfiguration.PRECISION, precision.key())));
        String n = name.trim().toLowerCase(Locale.ROOT);
        Set<String> known = registry.backendNames();
        if (!known.contains(n)) throw new IllegalArgumentException("unknown backend '" + name + "'; known: " + String.join(", ", known));
        return registry.backend(n);
    }
}
