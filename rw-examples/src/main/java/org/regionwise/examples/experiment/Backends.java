package org.regionwise.examples.experiment;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.regionwise.core.backend.TrainingBackend;
import org.regionwise.tensorflow.TensorFlowBackend;

/** Training backends by name, as {@code --backend} selects them. */
public final class Backends {
    private static final Map<String, Supplier<TrainingBackend>> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put("tensorflow", TensorFlowBackend::new);
    }

    private Backends() {}

    /** The default backend's name. */
    public static String defaultName() { return "tensorflow"; }

    /**
     * A new backend called {@code name}.
     *
     * @throws IllegalArgumentException listing the known names
     */
    public static TrainingBackend byName(String name) {
        Supplier<TrainingBackend> s = KNOWN.get(name.trim().toLowerCase(Locale.ROOT));
        if (s == null) throw new IllegalArgumentException("unknown backend '" + name + "'; known: " + String.join(", ", KNOWN.keySet()));
        return s.get();
    }
}
