package org.regionwise.examples.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.io.AtomicFiles;
import org.regionwise.examples.data.internal.Intensities;
import org.regionwise.examples.data.internal.ParallelCases;
import org.regionwise.training.cache.CachedCase;
import org.regionwise.training.cache.CaseFile;

/**
 * The preprocessed case cache of an nnU-Net raw folder: every training and validation case is read once, normalised
 * ({@link NnUnetDataset.Normalization}), cropped to the region that differs from the normalised background and
 * written as one {@link CaseFile} ({@code CACHE/CASE.rwcase}), in parallel, each file atomically, so an interrupted
 * preprocess resumes with the cases not yet written. A case is rebuilt when its stamp changes: the size and
 * modification time of its label and image files, the normalisation (CT statistics included), the storage and the
 * class count. {@code CACHE/cache.properties} records the dataset, the cases and the options;
 * {@code CACHE/fingerprint.properties} the dataset fingerprint (shapes, spacings, crop boxes, class voxels,
 * foreground intensity statistics), read from the case headers.
 *
 * <p>Test cases ({@code imagesTs}, or the held-out training cases) are not cached: they are read from their files,
 * one at a time, when they are scored.
 */
public final class NnUnetCache {
    /** The manifest's file name. */
    public static final String MANIFEST = "cache.properties";
    /** The fingerprint's file name. */
    public static final String FINGERPRINT = "fingerprint.properties";
    /** Heap fraction the preprocessing workers may fill together (each holds one case). */
    static final double HEAP_SHARE = 0.6;

    private NnUnetCache() {}

    /** Receives preprocessing progress (from worker threads, one call at a time). */
    public interface Listener {
        /**
         * Preprocessing starts.
         *
         * @param cases the number of cases to check or write
         * @param workers the worker threads
         */
        void started(int cases, int workers);

        /**
         * A case is ready.
         *
         * @param id the case
         * @param reused true when its file was up to date and kept
         * @param bytes the case file's size
         * @param done cases ready so far
         * @param total all cases
         */
        void caseDone(String id, boolean reused, long bytes, int done, int total);

        /**
         * Preprocessing ended.
         *
         * @param report what was done
         */
        void finished(Report report);
    }

    /**
     * Where and how to cache.
     *
     * @param directory the cache folder (created)
     * @param storage   float32 (exact: training inputs bit-identical to the in-memory path) or float16 (half the
     *                  space, rounded)
     * @param workers   cases preprocessed in parallel (at most; fewer when the heap cannot hold that many cases)
     * @param verify    recompute every reused file's checksum (else its header, length and stamp are checked)
     * @param listener  progress, or null
     */
    public record Settings(Path directory, CaseFile.Storage storage, int workers, boolean verify, @Nullable Listener listener) {
        /**
         * Checks the settings.
         *
         * @param directory the cache folder
         * @param storage the storage
         * @param workers at least 1
         * @param verify whether reused files are checksummed
         * @param listener progress, or null
         */
        public Settings {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(storage, "storage");
            if (workers < 1) throw new IllegalArgumentException("preprocessing workers must be >= 1, got " + workers);
        }

        /**
         * float32, one worker per processor, no checksum of reused files, no listener.
         *
         * @param directory the cache folder
         * @return the settings
         */
        public static Settings of(Path directory) {
            return new Settings(directory, CaseFile.Storage.FLOAT32, Runtime.getRuntime().availableProcessors(), false, null);
        }

        /**
         * These settings with another listener.
         *
         * @param l the listener, or null
         * @return the settings
         */
        public Settings withListener(@Nullable Listener l) { return new Settings(directory, storage, workers, verify, l); }

        /**
         * These settings with another storage.
         *
         * @param st float32 or float16
         * @return the settings
         */
        public Settings withStorage(CaseFile.Storage st) { return new Settings(directory, st, workers, verify, listener); }
    }

    /**
     * What a preprocess did.
     *
     * @param cases       cases in the cache
     * @param written     cases (re)written now
     * @param reused      cases whose files were up to date
     * @param cacheBytes  bytes of all case files
     * @param sourceBytes bytes of the source files of the written cases
     * @param seconds     wall time
     * @param workers     worker threads used
     */
    public record Report(int cases, int written, int reused, long cacheBytes, long sourceBytes, double seconds, int workers) {
        /**
         * Source megabytes (10^6 bytes) preprocessed per second of wall time.
         *
         * @return MB/s, NaN when nothing was written
         */
        public double megabytesPerSecond() { return written == 0 ? Double.NaN : sourceBytes / 1e6 / seconds; }
    }

    /** The opened cases by id, and the report. */
    record Built(Map<String, CachedCase> byId, Report report) {
        List<CachedCase> cases(List<String> ids) {
            List<CachedCase> out = new ArrayList<>(ids.size());
            for (String id : ids) out.add(Objects.requireNonNull(byId.get(id), id));
            return out;
        }
    }

    /**
     * Preprocesses the training and validation cases of the nnU-Net folder {@code root} into {@code o.cache()}, as
     * {@code rw train} would before training, and reports what it did.
     *
     * @param root the folder holding dataset.json
     * @param o the dataset options; {@code o.cache()} must be set
     * @return the report
     */
    public static Report preprocess(Path root, NnUnetDataset.Options o) {
        Settings s = Objects.requireNonNull(o.cache(), "the options need cache settings");
        Report[] out = new Report[1];
        Listener inner = s.listener();
        Listener capture = new Listener() {
            @Override public void started(int cases, int workers) { if (inner != null) inner.started(cases, workers); }
            @Override public void caseDone(String id, boolean reused, long bytes, int done, int total) {
                if (inner != null) inner.caseDone(id, reused, bytes, done, total);
            }
            @Override public void finished(Report r) { out[0] = r; if (inner != null) inner.finished(r); }
        };
        NnUnetDataset.load(root, o.withCache(s.withListener(capture)));
        return out[0];
    }

    static Built build(Path root, Settings s, List<String> ids, String ending, int classes, int channels,
                       NnUnetDataset.@Nullable CtStatistics ct, String normalization, List<String> classNames) {
        long t0 = System.nanoTime();
        Path dir = s.directory();
        Path images = root.resolve("imagesTr"), labels = root.resolve("labelsTr");
        Map<String, String> stamps = new LinkedHashMap<>();
        Map<String, Long> sourceBytes = new LinkedHashMap<>();
        for (String id : ids) {
            List<Path> files = NnUnetDataset.requireFiles(images, labels, id, ending, channels);
            StringBuilder b = new StringBuilder("rwcase 1; normalisation ").append(normalization).append("; storage ")
                    .append(s.storage().name().toLowerCase(Locale.ROOT)).append("; classes ").append(classes).append("; channels ").append(channels);
            long bytes = 0;
            for (Path f : files) {
                BasicFileAttributes a = attributes(f);
                b.append("; ").append(f.getFileName()).append(' ').append(a.size()).append(' ').append(a.lastModifiedTime().toMillis());
                bytes += a.size();
            }
            stamps.put(id, b.toString());
            sourceBytes.put(id, bytes);
        }
        try {
            Files.createDirectories(dir);
            removeTemporaries(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the case cache " + dir + ": " + e.getMessage(), e);
        }
        Map<String, CachedCase> opened = new LinkedHashMap<>();
        List<String> todo = new ArrayList<>();
        for (String id : ids) {
            CachedCase c = reusable(file(dir, id), stamps.get(id), s.verify());
            if (c != null) opened.put(id, c);
            else todo.add(id);
        }
        int[] done = {0};
        Listener l = s.listener();
        int workers = Math.min(s.workers(), Math.max(1, todo.size()));
        long written = 0;
        if (!todo.isEmpty()) {
            // the first case's size (from its header) tells how many cases the heap holds at once
            long voxels = org.regionwise.core.io.Nifti.voxelCount(labels.resolve(todo.get(0) + ending));
            long perCase = voxels * (8L * channels + 8) + (64L << 20);
            workers = (int) Math.max(1, Math.min(workers, (long) (Runtime.getRuntime().maxMemory() * HEAP_SHARE) / perCase));
        }
        if (l != null) l.started(ids.size(), workers);
        for (String id : ids) {
            if (opened.containsKey(id)) {
                done[0]++;
                if (l != null) l.caseDone(id, true, opened.get(id).bytes(), done[0], ids.size());
            }
        }
        if (!todo.isEmpty()) {
            Map<String, CachedCase> made = new java.util.concurrent.ConcurrentHashMap<>();
            try {
                ParallelCases.forEach(todo, workers, "rw-preprocess", id -> {
                    CaseJob job = new CaseJob(images, labels, ending, classes, channels, ct, s.storage());
                    CachedCase c = job.write(id, file(dir, id), stamps.get(id));
                    made.put(id, c);
                    synchronized (done) {
                        done[0]++;
                        if (l != null) l.caseDone(id, false, c.bytes(), done[0], ids.size());
                    }
                });
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof InterruptedException)) throw e;
                throw new IllegalStateException("preprocessing was interrupted; the cases written so far are kept in " + dir, e.getCause());
            }
            for (String id : todo) {
                opened.put(id, made.get(id));
                written += sourceBytes.get(id);
            }
        }
        Map<String, CachedCase> ordered = new LinkedHashMap<>();
        long cacheBytes = 0;
        for (String id : ids.stream().sorted().toList()) {
            ordered.put(id, opened.get(id));
            cacheBytes += opened.get(id).bytes();
        }
        Report report = new Report(ids.size(), todo.size(), ids.size() - todo.size(), cacheBytes, written,
                (System.nanoTime() - t0) / 1e9, todo.isEmpty() ? 0 : workers);
        writeManifest(dir, root, ordered, normalization, s.storage(), classNames, channels);
        writeFingerprint(dir, ordered, classNames, channels);
        if (l != null) l.finished(report);
        return new Built(ordered, report);
    }

    private static Path file(Path dir, String id) { return dir.resolve(id + CaseFile.EXTENSION); }

    private static BasicFileAttributes attributes(Path f) {
        try {
            return Files.readAttributes(f, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    /** The case file when it is intact and made from the same sources with the same options, else null. */
    private static @Nullable CachedCase reusable(Path f, String stamp, boolean verify) {
        if (!Files.isRegularFile(f)) return null;
        try {
            CachedCase c = CachedCase.open(f);
            if (!c.sourceStamp().equals(stamp)) return null;
            if (verify) c.verify();
            return c;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            return null; // damaged or from another version: rebuilt
        }
    }

    /** Deletes the temporary files an interrupted write left behind ({@code .NAME.rwcase.HEX.tmp}). */
    private static void removeTemporaries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith(".") && n.endsWith(".tmp") && n.contains(CaseFile.EXTENSION + ".")) Files.deleteIfExists(p);
            }
        }
    }

    /** Reads, normalises and writes one case; holds one case in memory. */
    private record CaseJob(Path images, Path labels, String ending, int classes, int channels,
                           NnUnetDataset.@Nullable CtStatistics ct, CaseFile.Storage storage) {
        CachedCase write(String id, Path target, String stamp) {
            NnUnetDataset.Case c = NnUnetDataset.read(images, labels, id, ending, classes, channels);
            var grid = c.labels().grid();
            float[][] data = new float[channels][];
            float[] fill = new float[channels];
            for (int ch = 0; ch < channels; ch++) {
                FloatImage img = c.channels().get(ch);
                data[ch] = img.data();
                fill[ch] = normaliseInPlace(data[ch], ct);
            }
            boolean twoD = grid.is2D();
            int[] shape = twoD ? new int[] {grid.size(0), grid.size(1), 1} : grid.sizes();
            double[] spacing = twoD ? new double[] {grid.spacing(0), grid.spacing(1), 1} : grid.spacings();
            CaseFile.write(target, new CaseFile.Content(twoD ? 2 : 3, shape, spacing, data, fill, c.labels().data(), classes, stamp), storage);
            return CachedCase.open(target);
        }
    }

    /**
     * Normalises {@code v} in place exactly as the in-memory dataset does and returns the normalised value of a raw
     * 0 (the crop's fill).
     */
    static float normaliseInPlace(float[] v, NnUnetDataset.@Nullable CtStatistics ct) {
        float[] zero = {0f};
        if (ct == null) {
            double[] ms = Intensities.meanStd(v, null);
            Intensities.apply(v, ms[0], ms[1]);
            Intensities.apply(zero, ms[0], ms[1]);
        } else {
            IntensityNormalization n = IntensityNormalization.ct(ct.low(), ct.high(), ct.mean(), ct.std());
            n.apply(v);
            n.apply(zero);
        }
        return zero[0];
    }

    private static void writeManifest(Path dir, Path root, Map<String, CachedCase> cases, String normalization, CaseFile.Storage storage,
                                      List<String> classNames, int channels) {
        StringBuilder b = new StringBuilder("# RegionWise case cache (rw preprocess); one CASE").append(CaseFile.EXTENSION)
                .append(" file per case, layout in the Javadoc of org.regionwise.training.cache.CaseFile\n");
        b.append("format=1\n");
        b.append("dataset=").append(escape(root.toAbsolutePath().normalize().toString())).append('\n');
        b.append("normalization=").append(normalization).append('\n');
        b.append("storage=").append(storage.name().toLowerCase(Locale.ROOT)).append('\n');
        b.append("classes=").append(escape(String.join(",", classNames))).append('\n');
        b.append("channels=").append(channels).append('\n');
        b.append("cases=").append(escape(String.join(",", cases.keySet()))).append('\n');
        AtomicFiles.writeString(dir.resolve(MANIFEST), b.toString());
    }

    private static void writeFingerprint(Path dir, Map<String, CachedCase> cases, List<String> classNames, int channels) {
        StringBuilder b = new StringBuilder("# dataset fingerprint of the cached cases (shapes and spacings of the original grids)\n");
        int n = cases.size();
        double[][] shape = new double[3][n], spacing = new double[3][n];
        long[] classVoxels = new long[classNames.size()];
        double[] fgSum = new double[channels], fgSq = new double[channels];
        long fg = 0;
        int i = 0;
        for (Map.Entry<String, CachedCase> e : cases.entrySet()) {
            CachedCase c = e.getValue();
            for (int a = 0; a < 3; a++) { shape[a][i] = c.shape()[a]; spacing[a][i] = c.spacing()[a]; }
            long[] cv = c.classVoxels();
            for (int k = 0; k < cv.length && k < classVoxels.length; k++) classVoxels[k] += cv[k];
            if (c.foregroundCount() > 0) {
                for (int ch = 0; ch < channels; ch++) {
                    double m = c.foregroundMean(ch), sd = c.foregroundStd(ch);
                    fgSum[ch] += m * c.foregroundCount();
                    fgSq[ch] += (sd * sd + m * m) * c.foregroundCount();
                }
            }
            fg += c.foregroundCount();
            b.append("case.").append(e.getKey()).append("=shape ").append(join(c.shape())).append("; spacing ").append(join(c.spacing()))
                    .append("; crop ").append(join(c.cropLow())).append(" + ").append(join(c.cropSize())).append('\n');
            i++;
        }
        b.append("cases=").append(n).append('\n');
        b.append("median_shape=").append(median(shape)).append('\n');
        b.append("median_spacing=").append(median(spacing)).append('\n');
        b.append("class_voxels=").append(join(classVoxels)).append('\n');
        for (int ch = 0; ch < channels; ch++) {
            double m = fg == 0 ? Double.NaN : fgSum[ch] / fg;
            double sd = fg == 0 ? Double.NaN : Math.sqrt(Math.max(0, fgSq[ch] / fg - m * m));
            b.append(String.format(Locale.ROOT, "channel.%d.foreground_mean=%s%nchannel.%d.foreground_std=%s%n", ch, m, ch, sd));
        }
        AtomicFiles.writeString(dir.resolve(FINGERPRINT), b.toString());
    }

    private static String median(double[][] v) {
        StringBuilder b = new StringBuilder();
        for (double[] a : v) {
            double[] s = a.clone();
            Arrays.sort(s);
            double m = s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
            if (b.length() > 0) b.append(' ');
            b.append(m);
        }
        return b.toString();
    }

    private static String join(int[] v) { return Arrays.toString(v).replaceAll("[\\[\\],]", "").trim(); }

    private static String join(long[] v) { return Arrays.toString(v).replaceAll("[\\[\\],]", "").trim(); }

    private static String join(double[] v) { return Arrays.toString(v).replaceAll("[\\[\\],]", "").trim(); }

    private static String escape(String s) { return s.replace("\\", "\\\\").replace("\n", "\\n"); }
}
