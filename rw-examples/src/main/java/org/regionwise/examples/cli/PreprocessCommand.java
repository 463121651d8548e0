package org.regionwise.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.regionwise.examples.data.DatasetRegistry;
import org.regionwise.examples.data.NnUnetCache;
import org.regionwise.examples.data.NnUnetDataset;
import org.regionwise.training.cache.CaseFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rw preprocess}: builds or refreshes the memory-mapped case cache of an nnU-Net folder. */
@Command(name = "preprocess", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        header = "Preprocess an nnU-Net folder once into a memory-mapped case cache that 'rw train --cache' trains from.",
        description = {"Every training and validation case is read, normalised (z-score per volume, or --ct), cropped to the "
                       + "region that differs from the background and written to CACHE/CASE.rwcase (flat binary, documented "
                       + "header, CRC32C checksum) with its foreground voxel list, in parallel, each file atomically; then "
                       + "CACHE/cache.properties and CACHE/fingerprint.properties. Run it again after an interruption or after "
                       + "changing some cases: only missing, damaged or stale cases (source size or time, normalisation, "
                       + "storage) are written. Training from the cache holds a few bytes per slice in the heap, so datasets "
                       + "far larger than memory train; with float32 the network's inputs are bit-identical to loading into "
                       + "memory. Test cases are not cached (they are read one at a time when scored)."})
public final class PreprocessCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "nnU-Net raw folder (holding dataset.json), or nnunet:DIR.")
    String dataset;

    @Option(names = "--out", required = true, paramLabel = "CACHE", description = "The cache folder (created; reused when it exists).")
    Path out;

    @Option(names = "--ct", description = "CT normalisation (clip to the training foreground's 0.5-99.5th percentile, then its mean and std), "
            + "as 'rw train --ct'.")
    boolean ct;

    @Option(names = "--no-validation", description = "As 'rw train --no-validation' (changes the training split, so the CT statistics).")
    boolean noValidation;

    @Option(names = "--float16", description = "Store intensities as IEEE half floats: half the space, values rounded (relative error <= 2^-11).")
    boolean float16;

    @Option(names = "--workers", paramLabel = "N", description = "Cases preprocessed in parallel (default: the processors; fewer when the heap "
            + "cannot hold that many cases at once).")
    Integer workers;

    @Option(names = "--verify", description = "Recompute the checksum of every case file that is kept (default: header, length and stamp only).")
    boolean verify;

    @Mixin ProgressOptions progress = new ProgressOptions();

    @Override public Integer call() {
        if (!DatasetRegistry.isNnUnet(dataset)) {
            throw new UserError("--dataset " + dataset + " is not an nnU-Net folder (no dataset.json there)");
        }
        Path root = DatasetRegistry.nnUnetRoot(dataset);
        if (!Files.isDirectory(root)) throw new UserError("--dataset " + root + ": no such folder");
        int w = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
        if (w < 1) throw new UserError("--workers must be >= 1, got " + w);
        PrintWriter o = spec.commandLine().getOut();
        try (CaseProgress p = new CaseProgress("preprocess", spec.commandLine().getErr(), progress)) {
            NnUnetCache.Settings s = new NnUnetCache.Settings(out, float16 ? CaseFile.Storage.FLOAT16 : CaseFile.Storage.FLOAT32, w, verify, p);
            NnUnetDataset.Options opts = new NnUnetDataset.Options(2, true, ct ? NnUnetDataset.Normalization.CT : NnUnetDataset.Normalization.ZSCORE,
                    !noValidation, s);
            NnUnetCache.Report r = NnUnetCache.preprocess(root, opts);
            o.println(describe(r, out));
        }
        o.flush();
        return 0;
    }

    static String describe(NnUnetCache.Report r, Path out) {
        String speed = r.written() == 0 ? "" : String.format(Locale.ROOT, " (%.1f MB/s of source files, %d worker%s)",
                r.megabytesPerSecond(), r.workers(), r.workers() == 1 ? "" : "s");
        return String.format(Locale.ROOT, "case cache %s: %d cases, %d written and %d up to date, %.1f MB of case files; %.1f MB of sources read in %.1f s%s",
                out, r.cases(), r.written(), r.reused(), r.cacheBytes() / 1e6, r.sourceBytes() / 1e6, r.seconds(), speed);
    }
}
