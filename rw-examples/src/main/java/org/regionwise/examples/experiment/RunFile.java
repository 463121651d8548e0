package org.regionwise.examples.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.regionwise.core.backend.Precision;
import org.regionwise.core.io.AtomicFiles;

/**
 * {@code RUN_DIR/run.yaml}: everything that defines an {@code rw train} run — the dataset and how it is read, the
 * loss, the seed, the engine, the training settings (the plan), plus, for the record, the network and optimiser they
 * imply and the versions that ran it. {@code rw train --config run.yaml} replays it (options on the command line
 * override its values) and {@code rw train --resume RUN_DIR} continues it.
 *
 * <p>Every field is optional when a user writes a run file by hand: an absent value takes the command's default (or
 * the plan, for an nnU-Net folder); a file written by {@code rw train} is complete. Unknown keys, values of the wrong
 * type and a {@code model}/{@code optimizer} value that disagrees with the {@code training} section it follows from are
 * errors naming the file and the field.
 *
 * <pre>
 * format: regionwise-run-1
 * dataset: /data/Dataset901_Colin27Limbic     # a registry name or an nnU-Net folder
 * data: {size: 64, slice_axis: 2, all_slices: false, ct: false, validation: true}
 * loss: rrw
 * seed: 1
 * engine: tensorflow
 * precision: fp32                            # or bf16 (bf16 convolutions); absent means fp32
 * training: {epochs: 150, iterations_per_epoch: 50, batch: 16, patch: 40, depth: 3, base_filters: 16,
 *            learning_rate: 0.001, deep_supervision: false, threads: 0}
 * model: {...}          # derived from training, for the record
 * optimizer: {...}      # derived from training, for the record
 * versions: {...}       # for the record
 * scoring: {sliding_window: true, step: 0.5, tta: false}   # how the test split is segmented; absent: the model's default
 * </pre>
 *
 * @param dataset  dataset name or folder
 * @param data     how the dataset is read (synthetic size, slice axis, all slices, CT normalisation)
 * @param loss     loss expression
 * @param seed     seed of weights and sampling
 * @param engine   training engine name
 * @param precision the engine's arithmetic ({@code fp32} or {@code bf16}), or {@code null} for fp32
 * @param training training settings, each field optional
 * @param model    the model section as written (checked against {@code training} by {@link #checkDerived})
 * @param optimizer the optimizer section as written (checked likewise)
 * @param versions the versions section as written
 * @param scoring  how the test split is segmented (sliding windows, mirroring); fields optional
 * @param source   the file it was read from (for messages), or {@code null} for one built in memory
 */
public record RunFile(@Nullable String dataset, Data data, @Nullable String loss, @Nullable Long seed, @Nullable String engine,
                      @Nullable Precision precision, Training training, Map<String, String> model, Map<String, String> optimizer, Map<String, String> versions,
                      Scoring scoring, @Nullable Path source) {
    /** The file name inside a run directory. */
    public static final String FILE = "run.yaml";
    /** The {@code format} value of this layout. */
    public static final String FORMAT = "regionwise-run-1";

    /**
     * Checks that data and training are given and copies the maps.
     *
     * @param dataset dataset name or folder
     * @param data how the dataset is read (synthetic size, slice axis, all slices, CT normalisation)
     * @param loss loss expression
     * @param seed seed of weights and sampling
     * @param engine training engine name
     * @param precision the engine's arithmetic, or {@code null} for fp32
     * @param training training settings, each field optional
     * @param model the model section as written (checked against {@code training} by {@link #checkDerived})
     * @param optimizer the optimizer section as written (checked likewise)
     * @param versions the versions section as written
     * @param scoring how the test split is segmented
     * @param source the file it was read from (for messages), or {@code null} for one built in memory
     */
    public RunFile {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(scoring, "scoring");
        Objects.requireNonNull(training, "training");
        model = Map.copyOf(model);
        optimizer = Map.copyOf(optimizer);
        versions = Map.copyOf(versions);
    }

    /**
     * How the dataset is read; {@code null}: not given.
     *
     * @param size            edge of synthetic images, px
     * @param sliceAxis       slice axis of volumes
     * @param allSlices       whether slices without foreground are kept
     * @param ct              whether CT normalisation is used
     * @param validation      whether validation data is held out
     * @param cache           nnU-Net folders: {@code float32} or {@code float16} (the case cache's storage), or
     *                        {@code none} (loaded into the heap)
     * @param physicalSpacing whether the loss's maps measure distances in mm from each image's spacing (default: voxels)
     */
    public record Data(@Nullable Integer size, @Nullable Integer sliceAxis, @Nullable Boolean allSlices, @Nullable Boolean ct,
                       @Nullable Boolean validation, @Nullable String cache, @Nullable Boolean physicalSpacing) {
        static final Set<String> KEYS = Set.of("size", "slice_axis", "all_slices", "ct", "validation", "cache", "physical_spacing");
        /** The values of {@code cache}. */
        public static final List<String> CACHE_VALUES = List.of("float32", "float16", "none");

        /**
         * Without cache and spacing entries.
         *
         * @param size edge of synthetic images, px
         * @param sliceAxis slice axis of volumes
         * @param allSlices whether slices without foreground are kept
         * @param ct whether CT normalisation is used
         * @param validation whether validation data is held out
         */
        public Data(@Nullable Integer size, @Nullable Integer sliceAxis, @Nullable Boolean allSlices, @Nullable Boolean ct,
                    @Nullable Boolean validation) {
            this(size, sliceAxis, allSlices, ct, validation, null, null);
        }

        /**
         * Checks {@code cache}.
         *
         * @param size edge of synthetic images, px
         * @param sliceAxis slice axis of volumes
         * @param allSlices whether slices without foreground are kept
         * @param ct whether CT normalisation is used
         * @param validation whether validation data is held out
         * @param cache float32, float16, none or null
         * @param physicalSpacing whether the maps are in mm
         */
        public Data {
            if (cache != null && !CACHE_VALUES.contains(cache)) {
                throw new IllegalArgumentException("data.cache must be one of " + CACHE_VALUES + ", got '" + cache + "'");
            }
        }
    }

    /**
     * How {@code rw train} segments the test split it scores; {@code null}: not given (whole slices for a 2D model,
     * 3D windows of the patch for a 3D one, no mirroring).
     *
     * @param slidingWindow windows of the training patch with Gaussian blending
     * @param step          the step between windows, a fraction of the window
     * @param tta           mirroring test-time augmentation
     */
    public record Scoring(@Nullable Boolean slidingWindow, @Nullable Double step, @Nullable Boolean tta) {
        static final Set<String> KEYS = Set.of("sliding_window", "step", "tta");

        /** Nothing given. */
        public static final Scoring NONE = new Scoring(null, null, null);
    }

    /** The training settings; {@code null}: not given. */
    public record Training(@Nullable Integer epochs, @Nullable Integer iterationsPerEpoch, @Nullable Integer batch,
                           @Nullable Integer patch, @Nullable Integer depth, @Nullable Integer baseFilters,
                           @Nullable Double learningRate, @Nullable Boolean deepSupervision, @Nullable Integer threads,
                           @Nullable Integer dimensions) {
        static final Set<String> KEYS = Set.of("epochs", "iterations_per_epoch", "batch", "patch", "depth", "base_filters",
                "learning_rate", "deep_supervision", "threads", "dimensions");

        /**
         * Without {@code dimensions} (2D).
         *
         * @param epochs epochs
         * @param iterationsPerEpoch steps per epoch
         * @param batch patches per step
         * @param patch patch edge
         * @param depth poolings
         * @param baseFilters first-stage filters
         * @param learningRate learning rate
         * @param deepSupervision deep supervision
         * @param threads intra-op threads
         */
        public Training(@Nullable Integer epochs, @Nullable Integer iterationsPerEpoch, @Nullable Integer batch,
                        @Nullable Integer patch, @Nullable Integer depth, @Nullable Integer baseFilters,
                        @Nullable Double learningRate, @Nullable Boolean deepSupervision, @Nullable Integer threads) {
            this(epochs, iterationsPerEpoch, batch, patch, depth, baseFilters, learningRate, deepSupervision, threads, null);
        }

        /**
         * Every field of {@code s}.
         *
         * @param s the settings
         * @return the section
         */
        public static Training of(TrainingSettings s) {
            return new Training(s.epochs(), s.iterationsPerEpoch(), s.batchSize(), s.patchSize(), s.depth(), s.baseFilters(),
                    s.learningRate(), s.deepSupervision(), s.threads(), s.dimensions() == 3 ? 3 : null);
        }

        /**
         * True when every field is given.
         *
         * @return whether nothing is missing
         */
        public boolean complete() {
            return epochs != null && iterationsPerEpoch != null && batch != null && patch != null && depth != null
                    && baseFilters != null && learningRate != null && deepSupervision != null && threads != null;
        }
    }

    private static final Set<String> TOP = Set.of("format", "dataset", "data", "loss", "seed", "engine", "precision", "training", "model",
            "optimizer", "versions", "scoring");

    /**
     * A complete run file for a run about to start.
     *
     * @param dataset the canonical dataset spec
     * @param data the data options
     * @param loss the loss name
     * @param seed the seed
     * @param engine the engine's name
     * @param precision the engine's arithmetic
     * @param s the training settings
     * @param versions the versions to record, by name
     * @return the run file
     */
    public static RunFile of(String dataset, Data data, String loss, long seed, String engine,
                             Precision precision, TrainingSettings s, Map<String, String> versions) {
        return of(dataset, data, loss, seed, engine, precision, s, versions, Scoring.NONE);
    }

    /**
     * A complete run file for a run about to start, with how its test split is segmented.
     *
     * @param dataset the canonical dataset spec
     * @param data the data options
     * @param loss the loss name
     * @param seed the seed
     * @param engine the engine's name
     * @param precision the engine's arithmetic
     * @param s the training settings
     * @param versions the versions to record, by name
     * @param scoring how the test split is segmented
     * @return the run file
     */
    public static RunFile of(String dataset, Data data, String loss, long seed, String engine,
                             Precision precision, TrainingSettings s, Map<String, String> versions, Scoring scoring) {
        return new RunFile(dataset, data, loss, seed, engine, precision, Training.of(s), derivedModel(s), derivedOptimizer(s),
                versions, scoring, null);
    }

    /**
     * The {@code model} section implied by the settings.
     *
     * @param s the settings
     * @return the section, by key
     */
    public static Map<String, String> derivedModel(TrainingSettings s) {
        Map<String, String> m = new LinkedHashMap<>();
        var u = s.model(2, 1, 0);
        m.put("kind", "unet");
        m.put("dimensions", Integer.toString(u.dimensions()));
        m.put("depth", Integer.toString(u.depth()));
        m.put("base_filters", Integer.toString(u.baseFilters()));
        m.put("max_filters", Integer.toString(u.maxFilters()));
        m.put("normalization", u.normalization().name().toLowerCase(java.util.Locale.ROOT));
        m.put("upsampling", u.upsampling().name().toLowerCase(java.util.Locale.ROOT));
        m.put("deep_supervision", Boolean.toString(u.deepSupervision()));
        return m;
    }

    /**
     * The {@code optimizer} section implied by the settings.
     *
     * @param s the settings
     * @return the section, by key
     */
    public static Map<String, String> derivedOptimizer(TrainingSettings s) {
        var o = s.optimizer();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", "adam");
        m.put("learning_rate", Double.toString(o.learningRate()));
        m.put("weight_decay", Double.toString(o.weightDecay()));
        m.put("decoupled_weight_decay", Boolean.toString(o.decoupledWeightDecay()));
        m.put("poly_power", Double.toString(o.polyPower()));
        m.put("clip_norm", Double.toString(o.clipNorm()));
        return m;
    }

    /**
     * Rejects a {@code model} or {@code optimizer} value of this file that differs from what the final settings imply
     * (an edit there would otherwise be ignored), naming the file and the field.
     *
     * @param s the final settings
     */
    public void checkDerived(TrainingSettings s) {
        check("model", model, derivedModel(s));
        check("optimizer", optimizer, derivedOptimizer(s));
    }

    private void check(String section, Map<String, String> written, Map<String, String> derived) {
        for (Map.Entry<String, String> e : written.entrySet()) {
            String want = derived.get(e.getKey());
            if (want == null) continue;   // unknown keys are refused at read
            if (!sameValue(e.getValue(), want)) {
                throw new IllegalArgumentException(where() + ": " + section + "." + e.getKey() + " is " + e.getValue()
                        + " but the training settings give " + want + " (the " + section + " section follows from 'training'; edit that)");
            }
        }
    }

    private static boolean sameValue(String a, String b) {
        if (a.equalsIgnoreCase(b)) return true;
        try {
            return Double.parseDouble(a) == Double.parseDouble(b);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String where() { return source == null ? FILE : source.toString(); }

    /**
     * Writes this run file atomically as {@code dir/run.yaml}.
     *
     * @param dir the run directory
     */
    public void write(Path dir) {
        AtomicFiles.writeString(dir.resolve(FILE), text());
    }

    /**
     * The YAML text.
     *
     * @return the text
     */
    public String text() {
        YAMLMapper yaml = mapper();
        ObjectNode root = yaml.createObjectNode();
        root.put("format", FORMAT);
        if (dataset != null) root.put("dataset", dataset);
        ObjectNode d = root.putObject("data");
        if (data.size() != null) d.put("size", data.size());
        if (data.sliceAxis() != null) d.put("slice_axis", data.sliceAxis());
        if (data.allSlices() != null) d.put("all_slices", data.allSlices());
        if (data.ct() != null) d.put("ct", data.ct());
        if (data.validation() != null) d.put("validation", data.validation());
        if (data.cache() != null) d.put("cache", data.cache());
        if (data.physicalSpacing() != null) d.put("physical_spacing", data.physicalSpacing());
        if (loss != null) root.put("loss", loss);
        if (seed != null) root.put("seed", seed);
        if (engine != null) root.put("engine", engine);
        if (precision != null) root.put("precision", precision.key());
        ObjectNode t = root.putObject("training");
        Training tr = training;
        if (tr.epochs() != null) t.put("epochs", tr.epochs());
        if (tr.iterationsPerEpoch() != null) t.put("iterations_per_epoch", tr.iterationsPerEpoch());
        if (tr.batch() != null) t.put("batch", tr.batch());
        if (tr.patch() != null) t.put("patch", tr.patch());
        if (tr.depth() != null) t.put("depth", tr.depth());
        if (tr.baseFilters() != null) t.put("base_filters", tr.baseFilters());
        if (tr.learningRate() != null) t.put("learning_rate", tr.learningRate());
        if (tr.deepSupervision() != null) t.put("deep_supervision", tr.deepSupervision());
        if (tr.threads() != null) t.put("threads", tr.threads());
        if (tr.dimensions() != null) t.put("dimensions", tr.dimensions());
        putStrings(root.putObject("model"), model, derivedOrder(model, true));
        putStrings(root.putObject("optimizer"), optimizer, derivedOrder(optimizer, false));
        ObjectNode v = root.putObject("versions");
        versions.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> v.put(e.getKey(), e.getValue()));
        if (!scoring.equals(Scoring.NONE)) {
            ObjectNode sc = root.putObject("scoring");
            if (scoring.slidingWindow() != null) sc.put("sliding_window", scoring.slidingWindow());
            if (scoring.step() != null) sc.put("step", scoring.step());
            if (scoring.tta() != null) sc.put("tta", scoring.tta());
        }
        try {
            return "# rw train run file: 'rw train --config run.yaml --out NEW_DIR' replays this run (options given on the\n"
                    + "# command line override its values); 'rw train --resume RUN_DIR' continues it. model and optimizer\n"
                    + "# follow from training and are here for the record, as are versions.\n"
                    + yaml.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the run file: " + e.getMessage(), e);
        }
    }

    private static List<String> derivedOrder(Map<String, String> m, boolean model) {
        TrainingSettings any = TrainingSettings.quick();
        List<String> order = new ArrayList<>((model ? derivedModel(any) : derivedOptimizer(any)).keySet());
        order.retainAll(m.keySet());
        return order;
    }

    private static void putStrings(ObjectNode node, Map<String, String> m, List<String> order) {
        for (String k : order) {
            String v = m.get(k);
            if (v.equals("true") || v.equals("false")) node.put(k, Boolean.parseBoolean(v));
            else if (v.matches("-?\\d+")) node.put(k, Long.parseLong(v));
            else if (v.matches("-?\\d+(\\.\\d*)?([eE]-?\\d+)?")) node.put(k, Double.parseDouble(v));
            else node.put(k, v);
        }
    }

    private static YAMLMapper mapper() {
        return new YAMLMapper(YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build());
    }

    /**
     * Reads a run file; every problem is an {@link IllegalArgumentException} whose message starts with the file and
     * names the field.
     *
     * @param file a {@code run.yaml}
     * @return the run file
     */
    public static RunFile read(Path file) {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException(file + ": no such run file");
        JsonNode root;
        try {
            root = mapper().readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            String m = e.getOriginalMessage();
            var loc = e.getLocation();
            throw new IllegalArgumentException(file + ": not valid YAML" + (loc == null ? "" : " at line " + loc.getLineNr())
                    + ": " + firstLine(m), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) throw new IllegalArgumentException(file + ": the run file is empty");
        Reader r = new Reader(file);
        r.mapping(root, "the document");
        r.keys(root, "", TOP);
        String format = r.text(root, "format");
        if (format != null && !format.equals(FORMAT)) {
            throw new IllegalArgumentException(file + ": format is '" + format + "', this rw reads " + FORMAT);
        }
        JsonNode d = r.section(root, "data", Data.KEYS);
        String cache = r.text(d, "data.cache");
        if (cache != null && !Data.CACHE_VALUES.contains(cache)) {
            throw new IllegalArgumentException(file + ": data.cache must be one of " + Data.CACHE_VALUES + ", got '" + cache + "'");
        }
        Data data = new Data(r.integer(d, "data.size"), r.integer(d, "data.slice_axis"), r.bool(d, "data.all_slices"), r.bool(d, "data.ct"),
                r.bool(d, "data.validation"), cache, r.bool(d, "data.physical_spacing"));
        JsonNode t = r.section(root, "training", Training.KEYS);
        Training training = new Training(r.integer(t, "training.epochs"), r.integer(t, "training.iterations_per_epoch"),
                r.integer(t, "training.batch"), r.integer(t, "training.patch"), r.integer(t, "training.depth"),
                r.integer(t, "training.base_filters"), r.number(t, "training.learning_rate"),
                r.bool(t, "training.deep_supervision"), r.integer(t, "training.threads"), r.integer(t, "training.dimensions"));
        Map<String, String> model = r.scalars(root, "model", derivedModel(TrainingSettings.quick()).keySet());
        Map<String, String> optimizer = r.scalars(root, "optimizer", derivedOptimizer(TrainingSettings.quick()).keySet());
        Map<String, String> versions = r.scalars(root, "versions", null);
        Long seed = r.longInt(root, "seed");
        String precisionText = r.text(root, "precision");
        Precision precision = null;
        if (precisionText != null) {
            try {
                precision = Precision.parse(precisionText);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": precision: " + e.getMessage(), e);
            }
        }
        JsonNode sc = r.section(root, "scoring", Scoring.KEYS);
        Scoring scoring = new Scoring(r.bool(sc, "scoring.sliding_window"), r.number(sc, "scoring.step"), r.bool(sc, "scoring.tta"));
        return new RunFile(r.text(root, "dataset"), data, r.text(root, "loss"), seed, r.text(root, "engine"), precision, training,
                model, optimizer, versions, scoring, file);
    }

    private static String firstLine(@Nullable String m) {
        if (m == null) return "";
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** Typed access to the tree with messages naming the file and the dotted field. */
    private record Reader(Path file) {
        void mapping(JsonNode n, String what) {
            if (!n.isObject()) throw new IllegalArgumentException(file + ": " + what + " must be a mapping of keys to values, got " + kind(n));
        }

        void keys(JsonNode n, String prefix, Set<String> known) {
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!known.contains(k)) {
                    throw new IllegalArgumentException(file + ": unknown key '" + prefix + k + "' (known: "
                            + String.join(", ", known.stream().sorted().toList()) + ")");
                }
            }
        }

        JsonNode section(JsonNode root, String name, Set<String> known) {
            JsonNode n = root.get(name);
            if (n == null || n.isNull()) return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            mapping(n, name);
            keys(n, name + ".", known);
            return n;
        }

        private @Nullable JsonNode leaf(JsonNode parent, String dotted) {
            JsonNode n = parent.get(dotted.substring(dotted.lastIndexOf('.') + 1));
            return n == null || n.isNull() ? null : n;
        }

        @Nullable String text(JsonNode parent, String field) {
            JsonNode n = leaf(parent, field);
            if (n == null) return null;
            if (!n.isTextual() && !n.isNumber()) throw wrong(field, "a string", n);
            String s = n.asText().trim();
            if (s.isEmpty()) throw new IllegalArgumentException(file + ": " + field + " is empty");
            return s;
        }

        @Nullable Integer integer(JsonNode parent, String field) {
            JsonNode n = leaf(parent, field);
            if (n == null) return null;
            if (!n.isIntegralNumber() || !n.canConvertToInt()) throw wrong(field, "an integer", n);
            return n.intValue();
        }

        @Nullable Long longInt(JsonNode parent, String field) {
            JsonNode n = leaf(parent, field);
            if (n == null) return null;
            if (!n.isIntegralNumber() || !n.canConvertToLong()) throw wrong(field, "an integer", n);
            return n.longValue();
        }

        @Nullable Double number(JsonNode parent, String field) {
            JsonNode n = leaf(parent, field);
            if (n == null) return null;
            if (!n.isNumber()) throw wrong(field, "a number", n);
            return n.doubleValue();
        }

        @Nullable Boolean bool(JsonNode parent, String field) {
            JsonNode n = leaf(parent, field);
            if (n == null) return null;
            if (!n.isBoolean()) throw wrong(field, "true or false", n);
            return n.booleanValue();
        }

        Map<String, String> scalars(JsonNode root, String name, @Nullable Set<String> known) {
            JsonNode n = root.get(name);
            Map<String, String> m = new LinkedHashMap<>();
            if (n == null || n.isNull()) return m;
            mapping(n, name);
            if (known != null) keys(n, name + ".", known);
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isValueNode()) throw wrong(name + "." + e.getKey(), "a single value", e.getValue());
                m.put(e.getKey(), e.getValue().asText());
            }
            return m;
        }

        private IllegalArgumentException wrong(String field, String want, JsonNode got) {
            return new IllegalArgumentException(file + ": " + field + " must be " + want + ", got " + kind(got)
                    + (got.isValueNode() ? " '" + got.asText() + "'" : ""));
        }

        private static String kind(JsonNode n) {
            if (n.isObject()) return "a mapping";
            if (n.isArray()) return "a list";
            if (n.isTextual()) return "a string";
            if (n.isBoolean()) return "a boolean";
            if (n.isIntegralNumber()) return "an integer";
            if (n.isNumber()) return "a number";
            return n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
