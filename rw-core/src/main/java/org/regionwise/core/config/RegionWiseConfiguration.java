package org.regionwise.core.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Settings of RegionWise, each looked up by a dotted key such as {@code regionwise.backend}.
 *
 * <p>Precedence, highest first:
 * <ol>
 *   <li>values set in code with {@link #of(Map)} or {@link #with(Map)};</li>
 *   <li>the Java system property with the key, e.g. {@code -Dregionwise.backend=tensorflow};</li>
 *   <li>the environment variable named by {@link #environmentName(String)}: upper case, dots and dashes as
 *       underscores, e.g. {@code REGIONWISE_BACKEND};</li>
 *   <li>the properties file: the path in {@code regionwise.config} / {@code REGIONWISE_CONFIG} (which must exist),
 *       otherwise {@code regionwise.properties} in the working directory if present;</li>
 *   <li>the built-in default ({@link #DEFAULTS}).</li>
 * </ol>
 * Immutable; {@link #source(String)} says where each value came from.
 */
public final class RegionWiseConfiguration {

    /** Name of the training backend, resolved among the registered {@code TrainingBackend}s. */
    public static final String BACKEND = "regionwise.backend";
    /** Name of the default loss (see {@code NamedLosses}). */
    public static final String LOSS = "regionwise.loss";
    /** Arithmetic of the network ({@code fp32}, the default, or {@code bf16}); see {@code Precision}. */
    public static final String PRECISION = "regionwise.precision";
    /** Path of the properties file. */
    public static final String CONFIG_FILE = "regionwise.config";
    /** File read when {@link #CONFIG_FILE} is not set and it exists in the working directory. */
    public static final String DEFAULT_FILE_NAME = "regionwise.properties";

    /** Built-in defaults. */
    public static final Map<String, String> DEFAULTS = Map.of(BACKEND, "tensorflow", LOSS, "rrw");

    private final Map<String, String> given;
    private final Map<String, String> systemProperties;
    private final Map<String, String> environment;
    private final Map<String, String> file;
    private final @Nullable Path filePath;

    private RegionWiseConfiguration(Map<String, String> given, Map<String, String> systemProperties, Map<String, String> environment,
                                    Map<String, String> file, @Nullable Path filePath) {
        this.given = Map.copyOf(given);
        this.systemProperties = Map.copyOf(systemProperties);
        this.environment = Map.copyOf(environment);
        this.file = Map.copyOf(file);
        this.filePath = filePath;
    }

    /**
     * Reads this JVM's system properties, environment and properties file.
     *
     * @return the configuration in effect
     */
    public static RegionWiseConfiguration load() {
        Map<String, String> props = new LinkedHashMap<>();
        for (String name : System.getProperties().stringPropertyNames()) props.put(name, System.getProperty(name));
        return load(props, System.getenv(), Path.of(""));
    }

    /**
     * Reads the given system properties and environment, and the properties file they name (or
     * {@value #DEFAULT_FILE_NAME} in {@code workingDirectory} if present).
     *
     * @param systemProperties the system properties to read
     * @param environment the environment variables to read
     * @param workingDirectory where a relative properties-file path and {@value #DEFAULT_FILE_NAME} are looked up
     * @return the configuration
     */
    public static RegionWiseConfiguration load(Map<String, String> systemProperties, Map<String, String> environment, Path workingDirectory) {
        String named = systemProperties.get(CONFIG_FILE);
        if (named == null) named = environment.get(environmentName(CONFIG_FILE));
        Path path;
        if (named != null) {
            path = workingDirectory.resolve(named);
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("configuration file " + path.toAbsolutePath() + " (from " + CONFIG_FILE + " / "
                        + environmentName(CONFIG_FILE) + ") does not exist");
            }
        } else {
            path = workingDirectory.resolve(DEFAULT_FILE_NAME);
            if (!Files.isRegularFile(path)) path = null;
        }
        Map<String, String> file = path == null ? Map.of() : readProperties(path);
        return new RegionWiseConfiguration(Map.of(), systemProperties, environment, file, path);
    }

    /**
     * A configuration from explicit values only (over the defaults), ignoring the environment; for programs and tests.
     *
     * @param values settings by key
     * @return the configuration
     */
    public static RegionWiseConfiguration of(Map<String, String> values) {
        return new RegionWiseConfiguration(values, Map.of(), Map.of(), Map.of(), null);
    }

    /**
     * This configuration with {@code values} set explicitly, above every other source.
     *
     * @param values settings by key
     * @return a new configuration
     */
    public RegionWiseConfiguration with(Map<String, String> values) {
        Map<String, String> merged = new LinkedHashMap<>(given);
        merged.putAll(values);
        return new RegionWiseConfiguration(merged, systemProperties, environment, file, filePath);
    }

    /**
     * Only the built-in defaults.
     *
     * @return the defaults
     */
    public static RegionWiseConfiguration defaults() { return of(Map.of()); }

    private static Map<String, String> readProperties(Path path) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read configuration file " + path.toAbsolutePath(), e);
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (String name : p.stringPropertyNames()) m.put(name, p.getProperty(name).trim());
        return m;
    }

    /**
     * The environment variable for {@code key}: {@code regionwise.backend} becomes {@code REGIONWISE_BACKEND}.
     *
     * @param key a dotted key
     * @return the environment variable's name
     */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /**
     * The value of {@code key} by the documented precedence, or empty. Blank values count as unset.
     *
     * @param key a dotted key
     * @return the value, or empty
     */
    public Optional<String> get(String key) {
        @Nullable String[] candidates = {given.get(key), systemProperties.get(key), environment.get(environmentName(key)), file.get(key), DEFAULTS.get(key)};
        for (@Nullable String v : candidates) if (present(v)) return Optional.of(v.trim());
        return Optional.empty();
    }

    /**
     * Where {@code key}'s value comes from, e.g. {@code "environment variable REGIONWISE_BACKEND"}.
     *
     * @param key a dotted key
     * @return a description of the source
     */
    public String source(String key) {
        if (present(given.get(key))) return "explicit setting " + key;
        if (present(systemProperties.get(key))) return "system property " + key;
        if (present(environment.get(environmentName(key)))) return "environment variable " + environmentName(key);
        if (present(file.get(key))) return "file " + filePath;
        if (DEFAULTS.containsKey(key)) return "default";
        return "unset";
    }

    private static boolean present(@Nullable String v) { return v != null && !v.isBlank(); }

    /**
     * The training backend's name ({@value #BACKEND}, default {@code tensorflow}).
     *
     * @return the backend name
     */
    public String backend() { return get(BACKEND).orElseThrow(); }

    /**
     * The default loss's name ({@value #LOSS}, default {@code rrw}).
     *
     * @return the loss name
     */
    public String loss() { return get(LOSS).orElseThrow(); }

    /**
     * The network's arithmetic ({@value #PRECISION}, default {@code fp32}).
     *
     * @return the precision
     * @throws IllegalArgumentException naming the source of a value that is neither {@code fp32} nor {@code bf16}
     */
    public org.regionwise.core.backend.Precision precision() {
        Optional<String> v = get(PRECISION);
        if (v.isEmpty()) return org.regionwise.core.backend.Precision.FP32;
        try {
            return org.regionwise.core.backend.Precision.parse(v.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (from " + source(PRECISION) + ")", e);
        }
    }

    /**
     * The properties file that was read, if any.
     *
     * @return the file, or empty
     */
    public Optional<Path> file() { return Optional.ofNullable(filePath); }

    /**
     * Every {@code regionwise.*} setting in effect with its value (for logs and reports).
     *
     * @return the settings by key, sorted
     */
    public Map<String, String> effective() {
        Map<String, String> m = new java.util.TreeMap<>();
        for (String k : DEFAULTS.keySet()) m.put(k, get(k).orElseThrow());
        for (Map<String, String> layer : java.util.List.of(file, systemProperties, given)) {
            for (String k : layer.keySet()) if (k.startsWith("regionwise.")) get(k).ifPresent(v -> m.put(k, v));
        }
        for (String k : environment.keySet()) {
            if (k.startsWith("REGIONWISE_")) {
                String dotted = k.toLowerCase(Locale.ROOT).replace('_', '.');
                get(dotted).ifPresent(v -> m.put(dotted, v));
            }
        }
        return Collections.unmodifiableMap(m);
    }

    @Override public String toString() {
        StringBuilder b = new StringBuilder("RegionWiseConfiguration");
        b.append(effective());
        return b.toString();
    }
}
