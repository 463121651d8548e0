package org.regionwise.examples.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.io.Nifti;
import org.regionwise.examples.data.internal.Intensities;
import org.regionwise.training.cache.CachedSlices;
import org.regionwise.training.cache.CachedVolumes;
import org.regionwise.training.cache.MappedCases;

/**
 * A user dataset in nnU-Net raw layout:
 * <pre>
 * DATASET/dataset.json                 labels (v2 {"background": 0, "kidney": 1} or v1 {"0": "background"}), file_ending
 * DATASET/imagesTr/CASE_0000.nii.gz    channel 0 of each training case; CASE_0001... the other channels
 * DATASET/labelsTr/CASE.nii.gz         its labels, same grid
 * DATASET/imagesTs/, labelsTs/         optional labelled test cases
 * </pre>
 * Each 3D volume is cut into 2D slices along one axis (default 2). The split is <b>by case</b>, never by slice:
 * sorted training cases with index {@code i % 5 == 4} go to validation; the test split is {@code imagesTs} +
 * {@code labelsTs} when {@code labelsTs} exists, else the training cases with {@code i % 5 == 3}. By default only
 * training and validation slices that contain foreground are kept (as the paper's KiTS preprocessing); test cases are
 * whole volumes (every slice), which {@code Experiment} segments slice by slice and scores in 3D, as the paper does.
 * Intensities: z-score per volume, or for CT ({@link Normalization#CT}) nnU-Net's scheme: clip to the 0.5th–99.5th
 * percentile of the foreground intensities of the training cases, then subtract their foreground mean and divide by
 * their foreground standard deviation.
 *
 * <p>Channels: as many as dataset.json declares ({@code "channel_names"} in v2, {@code "modality"} in v1; one when
 * neither is given), each z-scored on its own; CT normalisation needs a single channel.
 *
 * <p>Fewer than 5 training cases: every case trains, and validation falls back to held-out slices of the training
 * cases (every 5th training slice, at least one; neighbouring slices of the same volumes, so validation Dice reads
 * optimistic); without {@code labelsTs} there is then no test split. {@link Options#validation} {@code false} trains
 * with no validation at all. No case at all is an error.
 *
 * <p>A folder that contradicts its dataset.json (missing image or label file, a label value not declared, image and
 * label grids of different size) gives an {@link IllegalArgumentException} naming the case.
 */
public final class NnUnetDataset {
    private NnUnetDataset() {}

    /** Intensity normalisation. */
    public enum Normalization {
        /** Z-score per volume (MRI). */
        ZSCORE,
        /** nnU-Net's CT scheme: clip to the training foreground's 0.5th to 99.5th percentiles, then its mean and std. */
        CT
    }

    /**
     * Options.
     *
     * @param axis           slicing axis of 3D volumes
     * @param foregroundOnly keep only slices with at least one foreground voxel
     * @param normalization  intensity normalisation
     * @param validation     hold out validation data (cases, or slices for fewer than 5 cases); false: none
     * @param cache          train from a preprocessed, memory-mapped case cache ({@link NnUnetCache}); null: load
     *                       every training slice into the heap
     * @param volumes        training and validation cases as whole 3D volumes (for a 3D U-Net) instead of 2D slices
     */
    public record Options(int axis, boolean foregroundOnly, Normalization normalization, boolean validation,
                          NnUnetCache.@Nullable Settings cache, boolean volumes) {
        /**
         * Slices (for a 2D U-Net).
         *
         * @param axis the slice axis
         * @param foregroundOnly whether only slices with foreground are kept for training
         * @param normalization the intensity normalisation
         * @param validation whether validation data is held out
         * @param cache the case cache, or null
         */
        public Options(int axis, boolean foregroundOnly, Normalization normalization, boolean validation, NnUnetCache.@Nullable Settings cache) {
            this(axis, foregroundOnly, normalization, validation, cache, false);
        }

        /**
         * With validation, without a cache.
         *
         * @param axis the slice axis
         * @param foregroundOnly whether only slices with foreground are kept for training
         * @param normalization the intensity normalisation
         */
        public Options(int axis, boolean foregroundOnly, Normalization normalization) { this(axis, foregroundOnly, normalization, true, null); }

        /**
         * Without a cache.
         *
         * @param axis the slice axis
         * @param foregroundOnly whether only slices with foreground are kept for training
         * @param normalization the intensity normalisation
         * @param validation whether validation data is held out
         */
        public Options(int axis, boolean foregroundOnly, Normalization normalization, boolean validation) {
            this(axis, foregroundOnly, normalization, validation, null);
        }

        /**
         * Checks that the slice axis is 0, 1 or 2.
         *
         * @param axis slicing axis of 3D volumes
         * @param foregroundOnly keep only slices with at least one foreground voxel
         * @param normalization intensity normalisation
         * @param validation hold out validation data (cases, or slices for fewer than 5 cases); false: none
         * @param cache the case cache, or null
         * @param volumes whole volumes instead of slices
         */
        public Options {
            if (axis < 0 || axis > 2) throw new IllegalArgumentException("slice axis must be 0, 1 or 2, got " + axis);
        }

        /**
         * Axial slices, foreground slices only, z-score, with validation, no cache.
         *
         * @return the options
         */
        public static Options defaults() { return new Options(2, true, Normalization.ZSCORE); }

        /**
         * These options with {@code cache}.
         *
         * @param cache the case cache settings, or null for none
         * @return the options
         */
        public Options withCache(NnUnetCache.@Nullable Settings cache) { return new Options(axis, foregroundOnly, normalization, validation, cache, volumes); }

        /**
         * These options with whole volumes (a 3D U-Net) or slices.
         *
         * @param on whether training and validation cases stay whole volumes
         * @return the options
         */
        public Options withVolumes(boolean on) { return new Options(axis, foregroundOnly, normalization, validation, cache, on); }
    }

    /** CT normalisation parameters from the training foreground: clip range, mean and std. */
    public record CtStatistics(double low, double high, double mean, double std) {}

    /**
     * Loads the nnU-Net raw dataset in {@code root}.
     *
     * @param root the folder holding {@code dataset.json}
     * @param o the options
     * @return the split dataset
     */
    public static SplitDataset load(Path root, Options o) {
        Path json = root.resolve("dataset.json");
        if (!Files.isRegularFile(json)) {
            throw new IllegalArgumentException("nnU-Net dataset " + root + " has no dataset.json (expected " + json + ")");
        }
        Map<String, Object> meta = object(parseJson(json), json.toString());
        List<String> classNames = classNames(meta, json);
        int channels = channelCount(meta, json);
        if (channels > 1 && o.normalization() == Normalization.CT) {
            throw new IllegalArgumentException("CT normalisation (--ct) needs a single-channel dataset; " + json + " declares " + channels + " channels");
        }
        String ending = meta.get("file_ending") instanceof String e ? e : ".nii.gz";
        if (!ending.startsWith(".nii")) {
            throw new IllegalArgumentException(json + ": file_ending " + ending + " is not supported, only .nii and .nii.gz");
        }
        List<String> trainCases = cases(root.resolve("imagesTr"), ending, json);
        if (trainCases.isEmpty()) throw new IllegalArgumentException("nnU-Net dataset " + root + ": imagesTr has no *_0000" + ending + " case");
        boolean hasTs = Files.isDirectory(root.resolve("labelsTs"));
        List<String> testCases = hasTs ? cases(root.resolve("imagesTs"), ending, json) : List.of();
        List<String> train = new ArrayList<>(), val = new ArrayList<>(), test = new ArrayList<>();
        boolean fewCases = trainCases.size() < 5;
        for (int i = 0; i < trainCases.size(); i++) {
            if (!fewCases && i % 5 == 4) { if (o.validation()) val.add(trainCases.get(i)); else train.add(trainCases.get(i)); }
            else if (!fewCases && !hasTs && i % 5 == 3) test.add(trainCases.get(i));
            else train.add(trainCases.get(i));
        }
        int k = classNames.size();
        String name = "nnunet:" + root.getFileName();
        CtStatistics ct = o.normalization() == Normalization.CT
                ? ctStatistics(root.resolve("imagesTr"), root.resolve("labelsTr"), train, ending, k) : null;
        List<Sample> trS, vaS;
        String cached = "";
        if (o.cache() != null) {
            List<String> cachedCases = new ArrayList<>(train);
            cachedCases.addAll(val);
            String normStamp = ct == null ? "zscore" : IntensityNormalization.ct(ct.low(), ct.high(), ct.mean(), ct.std()).format();
            NnUnetCache.Built built = NnUnetCache.build(root, o.cache(), cachedCases, ending, k, channels, ct, normStamp, classNames);
            if (o.volumes()) {
                trS = CachedVolumes.of(name, train, built.cases(train));
                vaS = CachedVolumes.of(name, val, built.cases(val));
            } else {
                trS = CachedSlices.of(name, train, built.cases(train), o.axis(), o.foregroundOnly());
                vaS = CachedSlices.of(name, val, built.cases(val), o.axis(), o.foregroundOnly());
            }
            cached = " Read from the case cache " + o.cache().directory() + " (" + o.cache().storage().name().toLowerCase(Locale.ROOT) + ").";
        } else if (o.volumes()) {
            trS = new ArrayList<>();
            vaS = new ArrayList<>();
            for (String id : train) trS.add(volume(root.resolve("imagesTr"), root.resolve("labelsTr"), id, ending, k, channels, ct, name));
            for (String id : val) vaS.add(volume(root.resolve("imagesTr"), root.resolve("labelsTr"), id, ending, k, channels, ct, name));
        } else {
            trS = slices(root.resolve("imagesTr"), root.resolve("labelsTr"), train, ending, k, channels, o, ct, name);
            vaS = slices(root.resolve("imagesTr"), root.resolve("labelsTr"), val, ending, k, channels, o, ct, name);
        }
        if (o.volumes()) {
            for (int i = 0; i < trS.size(); i++) {
                int dims = trS instanceof CachedVolumes cv ? cv.caseAt(i).dimensions() : trS.get(i).image().grid().dimensions();
                if (dims != 3) throw new IllegalArgumentException("nnU-Net dataset " + root + ": case " + train.get(i) + " is 2D; a 3D U-Net (--dims 3) trains on 3D volumes");
            }
        }
        if (fewCases && o.validation() && o.volumes() && trS.size() >= 3) {
            // fewer than 5 cases: the last training volume is held out (slices of a volume cannot be)
            vaS = pick(trS, List.of(trS.size() - 1));
            List<Integer> keep = new ArrayList<>();
            for (int i = 0; i < trS.size() - 1; i++) keep.add(i);
            trS = pick(trS, keep);
        } else if (fewCases && o.validation() && !o.volumes() && trS.size() > 1) {
            // held-out slices: every 5th training slice (at least one) moves to validation
            List<Integer> keep = new ArrayList<>(), held = new ArrayList<>();
            for (int i = 0; i < trS.size(); i++) (i % 5 == 4 ? held : keep).add(i);
            if (held.isEmpty()) held.add(keep.remove(keep.size() - 1));
            vaS = pick(trS, held);
            trS = pick(trS, keep);
        }
        Path teImages = root.resolve(hasTs ? "imagesTs" : "imagesTr"), teLabels = root.resolve(hasTs ? "labelsTs" : "labelsTr");
        List<String> teIds = hasTs ? testCases : test;
        List<Sample> teS = LazyVolumes.of(teIds, id -> volume(teImages, teLabels, id, ending, k, channels, ct, name), channels);
        if (o.cache() == null) teS = new ArrayList<>(teS); // in memory: read now, once
        else for (String id : teIds) requireFiles(teImages, teLabels, id, ending, channels); // read when scored
        if (trS.isEmpty()) throw new IllegalArgumentException("nnU-Net dataset " + root + ": no training slice has foreground along axis " + o.axis());
        String unit = o.volumes() ? String.format(Locale.ROOT, "whole 3D volumes (3D training): %d training, %d validation volumes", trS.size(), vaS.size())
                : String.format(Locale.ROOT, "2D slices along axis %d, %s slices: %d training, %d validation slices", o.axis(),
                        o.foregroundOnly() ? "foreground-only" : "all", trS.size(), vaS.size());
        String norm = ct == null ? "z-score per volume"
                : String.format(Locale.ROOT, "CT: clipped to [%.1f, %.1f], then (x - %.2f) / %.2f (training foreground statistics)",
                        ct.low(), ct.high(), ct.mean(), ct.std());
        String description = String.format(Locale.ROOT,
                "User dataset %s in nnU-Net raw layout (%s): %d training, %d validation and %d test cases (%s); "
                        + "%s; the test cases are whole volumes, %s and scored in 3D; %d input channel%s; intensities %s.",
                root.getFileName(), root, train.size(), val.size(), hasTs ? testCases.size() : test.size(),
                split(fewCases, o.validation(), hasTs, o.volumes()), unit, o.volumes() ? "segmented by 3D sliding windows" : "segmented slice by slice",
                channels, channels == 1 ? "" : "s", norm) + cached;
        IntensityNormalization norm2 = ct == null ? IntensityNormalization.zScore() : IntensityNormalization.ct(ct.low(), ct.high(), ct.mean(), ct.std());
        return new SplitDataset(name, classNames, trS, vaS, teS, description, norm2, o.axis());
    }

    private static String split(boolean fewCases, boolean validation, boolean hasTs, boolean volumes) {
        String test = hasTs ? "test = imagesTs/labelsTs" : fewCases ? "no test split: fewer than 5 cases and no labelsTs"
                : "every 5th case from index 3 to test";
        String val = !validation ? "no validation (--no-validation)"
                : fewCases && volumes ? "fewer than 5 training cases: the last one is held out for validation (none below 3 cases)"
                : fewCases ? "fewer than 5 training cases: validation on held-out slices (every 5th training slice)"
                : "split by case, every 5th case from index 4 to validation";
        return val + "; " + test;
    }

    /**
     * {@code dataset.json} read with Jackson: objects as {@code Map}, arrays as {@code List}, numbers as Jackson's
     * {@code Integer}, {@code Long} or {@code Double}, JSON {@code null} as {@code null}; a syntax error names the file,
     * line and column.
     */
    private static Object parseJson(Path json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readValue(json.toFile(), Object.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var loc = e.getLocation();
            String m = String.valueOf(e.getOriginalMessage());
            int nl = m.indexOf('\n');
            throw new IllegalArgumentException(json + ": invalid JSON" + (loc == null ? "" : " at line " + loc.getLineNr()
                    + ", column " + loc.getColumnNr()) + ": " + (nl < 0 ? m : m.substring(0, nl)), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + json + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object o, String where) {
        if (!(o instanceof Map<?, ?>)) throw new IllegalArgumentException(where + ": expected a JSON object");
        return (Map<String, Object>) o;
    }

    /** Class names by label 0..K-1 from v2 ({"name": label}) or v1 ({"label": "name"}); labels must be 0..K-1. */
    static List<String> classNames(Map<String, Object> meta, Path json) {
        Object l = meta.get("labels");
        if (l == null) throw new IllegalArgumentException(json + " has no \"labels\"");
        Map<String, Object> labels = object(l, json + " \"labels\"");
        TreeMap<Integer, String> byLabel = new TreeMap<>();
        for (Map.Entry<String, Object> e : labels.entrySet()) {
            int label;
            String name;
            if (e.getValue() instanceof Number n) {
                double d = n.doubleValue();
                label = (int) d;
                name = e.getKey();
                if (d != label) throw new IllegalArgumentException(json + ": label of \"" + name + "\" is not an integer: " + d);
            } else if (e.getValue() instanceof String s) {
                try {
                    label = Integer.parseInt(e.getKey().trim());
                } catch (NumberFormatException x) {
                    throw new IllegalArgumentException(json + ": label key \"" + e.getKey() + "\" is not an integer");
                }
                name = s;
            } else {
                throw new IllegalArgumentException(json + ": label \"" + e.getKey() + "\" is " + e.getValue()
                        + "; region-based labels (lists) are not supported, give one integer per class");
            }
            if (byLabel.put(label, name) != null) throw new IllegalArgumentException(json + ": label " + label + " is declared twice");
        }
        for (int k = 0; k < byLabel.size(); k++) {
            if (!byLabel.containsKey(k)) {
                throw new IllegalArgumentException(json + ": labels must be 0.." + (byLabel.size() - 1) + " without gaps, got " + byLabel.keySet());
            }
        }
        if (byLabel.size() < 2) throw new IllegalArgumentException(json + ": needs background and at least one class, got " + byLabel);
        return List.copyOf(byLabel.values());
    }

    private static List<String> cases(Path dir, String ending, Path json) {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("nnU-Net dataset of " + json + " has no folder " + dir);
        String suffix = "_0000" + ending;
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix))
                    .map(n -> n.substring(0, n.length() - suffix.length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    record Case(List<FloatImage> channels, LabelImage labels) {
        FloatImage image() { return channels.get(0); }
    }

    /** Input channels declared by dataset.json: {@code channel_names} (v2) or {@code modality} (v1); 1 when absent. */
    static int channelCount(Map<String, Object> meta, Path json) {
        Object c = meta.containsKey("channel_names") ? meta.get("channel_names") : meta.get("modality");
        if (c == null) return 1;
        int n = object(c, json + " \"channel_names\"").size();
        if (n < 1) throw new IllegalArgumentException(json + ": \"channel_names\" is empty");
        return n;
    }

    /** The files of case {@code id}: labels, then channel 0, 1, ...; an error names the first one missing. */
    static List<Path> requireFiles(Path images, Path labels, String id, String ending, int channels) {
        List<Path> files = new ArrayList<>();
        Path lab = labels.resolve(id + ending);
        if (!Files.isRegularFile(lab)) throw new IllegalArgumentException("case " + id + ": label file " + lab + " is missing");
        files.add(lab);
        for (int c = 0; c < channels; c++) {
            Path img = images.resolve(String.format(Locale.ROOT, "%s_%04d%s", id, c, ending));
            if (!Files.isRegularFile(img)) {
                throw new IllegalArgumentException("case " + id + ": channel " + c + " file " + img + " is missing (dataset.json declares "
                        + channels + " channels)");
            }
            files.add(img);
        }
        return files;
    }

    static Case read(Path images, Path labels, String id, String ending, int classes, int channels) {
        List<Path> files = requireFiles(images, labels, id, ending, channels);
        Path lab = files.get(0);
        LabelImage truth = Nifti.readLabels(lab);
        List<FloatImage> imgs = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            Path img = files.get(1 + c);
            FloatImage image = Nifti.readImage(img);
            if (!image.grid().sameShape(truth.grid())) {
                throw new IllegalArgumentException("case " + id + ": image " + img.getFileName() + " is " + image.grid().describeSize()
                        + " but labels " + lab.getFileName() + " are " + truth.grid().describeSize());
            }
            imgs.add(image);
        }
        int max = truth.maxLabel();
        if (max >= classes) {
            throw new IllegalArgumentException("case " + id + ": label " + max + " in " + lab.getFileName()
                    + " is not declared in dataset.json (labels 0.." + (classes - 1) + ")");
        }
        return new Case(imgs, truth);
    }

    /**
     * At most this many foreground intensities are kept for the CT statistics, {@code FOREGROUND_SAMPLE / cases} per
     * case (nnU-Net's fingerprint samples per case likewise): a case with fewer foreground voxels keeps them all, so
     * the statistics of a dataset under the budget are exact; a larger one keeps an even, seeded random sample.
     */
    static final int FOREGROUND_SAMPLE = 10_000_000;

    static CtStatistics ctStatistics(Path images, Path labels, List<String> ids, String ending, int classes) {
        return ctStatistics(images, labels, ids, ending, classes, FOREGROUND_SAMPLE);
    }

    static CtStatistics ctStatistics(Path images, Path labels, List<String> ids, String ending, int classes, int budget) {
        List<float[]> fg = new ArrayList<>();
        int total = 0;
        int quota = Math.max(1, budget / Math.max(1, ids.size()));
        for (int ci = 0; ci < ids.size(); ci++) {
            Case c = read(images, labels, ids.get(ci), ending, classes, 1);
            float[] v = new float[c.labels().grid().voxelCount()];
            int n = 0;
            for (int i = 0; i < v.length; i++) if (c.labels().get(i) > 0) v[n++] = c.image().get(i);
            if (n > quota) { // a seeded partial Fisher-Yates shuffle: quota values without replacement
                java.util.SplittableRandom r = new java.util.SplittableRandom(0x5EEDL + ci);
                for (int i = 0; i < quota; i++) {
                    int j = i + r.nextInt(n - i);
                    float t = v[i];
                    v[i] = v[j];
                    v[j] = t;
                }
                n = quota;
            }
            fg.add(Arrays.copyOf(v, n));
            total += n;
        }
        if (total == 0) throw new IllegalArgumentException("CT normalisation needs foreground voxels in the training cases, found none");
        float[] all = new float[total];
        int o = 0;
        for (float[] v : fg) { System.arraycopy(v, 0, all, o, v.length); o += v.length; }
        Arrays.sort(all);
        double lo = all[(int) Math.floor(0.005 * (total - 1))], hi = all[(int) Math.ceil(0.995 * (total - 1))];
        Intensities.clip(all, lo, hi);
        double[] ms = Intensities.meanStd(all, null);
        return new CtStatistics(lo, hi, ms[0], ms[1]);
    }

    /** A whole case, normalised: a test case, scored per volume (read when the test split is iterated). */
    private static Sample volume(Path images, Path labels, String id, String ending, int classes, int channels,
                                 @Nullable CtStatistics ct, String name) {
        Case c = read(images, labels, id, ending, classes, channels);
        return new Sample(name + "/" + id, normalised(c.channels(), ct), c.labels());
    }

    /** The samples at {@code positions}: a view for cached slices or volumes, a copy otherwise. */
    private static List<Sample> pick(List<Sample> all, List<Integer> positions) {
        if (all instanceof MappedCases mc) return mc.select(positions.stream().mapToInt(Integer::intValue).toArray());
        List<Sample> out = new ArrayList<>(positions.size());
        for (int i : positions) out.add(all.get(i));
        return out;
    }

    /** Every channel normalised on its own. */
    private static List<FloatImage> normalised(List<FloatImage> raw, @Nullable CtStatistics ct) {
        IntensityNormalization n = ct == null ? IntensityNormalization.zScore() : IntensityNormalization.ct(ct.low(), ct.high(), ct.mean(), ct.std());
        List<FloatImage> out = new ArrayList<>();
        for (FloatImage r : raw) {
            float[] v = r.data().clone();
            n.apply(v);
            out.add(new FloatImage(r.grid(), v));
        }
        return out;
    }

    private static List<Sample> slices(Path images, Path labels, List<String> ids, String ending, int classes, int channels,
                                       Options o, @Nullable CtStatistics ct, String name) {
        List<Sample> out = new ArrayList<>();
        for (String id : ids) {
            Case c = read(images, labels, id, ending, classes, channels);
            List<FloatImage> image = normalised(c.channels(), ct);
            if (c.labels().grid().is2D()) {
                if (!o.foregroundOnly() || c.labels().maxLabel() > 0) out.add(new Sample(name + "/" + id, image, c.labels()));
                continue;
            }
            for (int z = 0; z < c.labels().grid().size(o.axis()); z++) {
                LabelImage l = c.labels().slice(o.axis(), z);
                if (o.foregroundOnly() && l.maxLabel() == 0) continue;
                List<FloatImage> sliced = new ArrayList<>(channels);
                for (FloatImage ch : image) sliced.add(ch.slice(o.axis(), z));
                out.add(new Sample(String.format(Locale.ROOT, "%s/%s/%c%03d", name, id, "xyz".charAt(o.axis()), z), sliced, l));
            }
        }
        return out;
    }
}
